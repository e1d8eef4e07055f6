import type { AnnotationDraft } from '../../shared/api/annotations-types.ts';
import type { AttachmentId } from '../../shared/model/ids.ts';

/** A highlight draft as the reader sends it: one line of text on a US Letter page. */
export function highlightDraft(attachmentId: AttachmentId, over: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return {
    attachmentId,
    type: 'highlight',
    color: 'yellow',
    pageIndex: 0,
    pageLabel: '1',
    quads: [[72, 712, 380, 712, 72, 698, 380, 698]],
    rect: [72, 698, 380, 712],
    text: 'Deep Residual Learning for Image Recognition',
    prefix: '',
    suffix: ' Kaiming He, Xiangyu Zhang',
    textOffset: 0,
    ...over,
  };
}
