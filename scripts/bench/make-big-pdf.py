# A long PDF for the reader bench: N pages of text lines, each page with a photo-like image that does not
# compress (random pixels), so the file reaches the size of a scanned or figure-heavy book.
import os
import sys

import pikepdf

pages, out, image_side = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
pdf = pikepdf.new()
font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
for n in range(pages):
    image = pikepdf.Stream(pdf, os.urandom(image_side * image_side * 3))
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Image
    image.Width = image_side
    image.Height = image_side
    image.ColorSpace = pikepdf.Name.DeviceRGB
    image.BitsPerComponent = 8
    lines = [f'BT /F1 11 Tf 72 {740 - 14 * i} Td (Page {n + 1}, line {i + 1}: reading performance of long documents in Folio.) Tj ET' for i in range(24)]
    content = '\n'.join(lines) + f'\nq 300 0 0 300 156 60 cm /Im0 Do Q'
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(Im0=image)),
        Contents=pikepdf.Stream(pdf, content.encode('latin-1')),
    )
    pdf.pages.append(pikepdf.Page(page))
pdf.save(out, compress_streams=False)
