/** Small stroke icons (16 px grid), drawn with currentColor so they follow the theme. */
const PATHS = {
  chevronRight: 'M6 4l4 4-4 4',
  chevronDown: 'M4 6l4 4 4-4',
  library: 'M2.5 3.5h3v9h-3zM6.5 3.5h3v9h-3zM10.6 4.1l2.8-.8 2.1 8.6-2.8.8z',
  inbox: 'M2.5 9.5l1.5-6h8l1.5 6v3h-11zM2.5 9.5h3.5l.8 1.5h2.4l.8-1.5h3.5',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5M7 7v4M9 7v4',
  folder: 'M2 4.5a1 1 0 011-1h3l1.5 1.5H13a1 1 0 011 1V12a1 1 0 01-1 1H3a1 1 0 01-1-1z',
  folderPlus: 'M2 4.5a1 1 0 011-1h3l1.5 1.5H13a1 1 0 011 1V12a1 1 0 01-1 1H3a1 1 0 01-1-1zM8 7v4M6 9h4',
  tag: 'M2.5 2.5h5l6 6-5 5-6-6zM5.2 5.2h.1',
  plus: 'M8 3v10M3 8h10',
  import: 'M8 2.5v7M5 6.5l3 3 3-3M3 10.5v2h10v-2',
  export: 'M8 9.5v-7M5 5.5l3-3 3 3M3 10.5v2h10v-2',
  paste: 'M5.5 3h-2v10.5h9V3h-2M5.5 2h5v2.5h-5zM5.5 7.5h5M5.5 10h3.5',
  search: 'M7 11.5a4.5 4.5 0 100-9 4.5 4.5 0 000 9zM10.3 10.3L14 14',
  close: 'M4 4l8 8M12 4l-8 8',
  note: 'M3.5 2.5h6l3 3v8h-9zM9.5 2.5v3h3M5.5 8h5M5.5 10.5h5',
  annotation: 'M10 2.5l3.5 3.5-6 6H4v-3.5zM8.5 4l3.5 3.5M2.5 14h11',
  pdf: 'M3.5 2.5h6l3 3v8h-9zM9.5 2.5v3h3',
  star: 'M8 2.2l1.8 3.7 4 .6-2.9 2.8.7 4L8 11.4l-3.6 1.9.7-4L2.2 6.5l4-.6z',
  flag: 'M3.5 14V2.5M3.5 3h8l-1.8 3 1.8 3h-8',
  pin: 'M6 2.5h4M7 2.5v4L4.5 9h7L9 6.5v-4M8 9v4.5',
  sun: 'M8 11a3 3 0 100-6 3 3 0 000 6zM8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1',
  moon: 'M13 9.5A5.5 5.5 0 116.5 3a4.5 4.5 0 006.5 6.5z',
  monitor: 'M2 3h12v8H2zM6 14h4M8 11v3',
  quote: 'M3 9.5c0-3 1.5-4.5 3.5-5M3 9.5h3V13H3zM9 9.5c0-3 1.5-4.5 3.5-5M9 9.5h3V13H9z',
  link: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1',
  restore: 'M3 8a5 5 0 105-5 5 5 0 00-3.5 1.5L3 6M3 2.5V6h3.5',
  warning: 'M8 2l6.5 11.5h-13zM8 6.5v3.5M8 12v.1',
  edit: 'M10.5 2.5l3 3-8 8h-3v-3z',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 100-4 2 2 0 000 4z',
  newItem: 'M3.5 2.5h6l3 3v8h-9zM8 7v4.5M5.8 9.2h4.4',
  check: 'M3 8.5l3 3 7-7',
  more: 'M4 8h.1M8 8h.1M12 8h.1',
  duplicates: 'M5.5 2.5h6l2 2v7h-8zM3.5 5v8.5h7',
  sync: 'M13 6.5A5 5 0 004 4.2L2.5 5.8M2.5 2.5v3.3h3.3M3 9.5a5 5 0 009 2.3l1.5-1.6M13.5 13.5v-3.3h-3.3',
  history: 'M2.5 8a5.5 5.5 0 101.6-3.9L2.5 5.7M2.5 2.5v3.2h3.2M8 5v3.2l2.2 1.4',
  revert: 'M5.5 3L2.5 6l3 3M2.5 6h7a4 4 0 010 8H7',
  sliders: 'M2.5 4.5h11M2.5 8h11M2.5 11.5h11M5 3v3M10.5 6.5v3M7 10v3',
} as const;

export type IconName = keyof typeof PATHS;

interface IconProps {
  name: IconName;
  size?: number;
  className?: string;
  filled?: boolean;
  title?: string;
}

export function Icon({ name, size = 16, className, filled = false, title }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={1.3}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
    >
      {title ? <title>{title}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
