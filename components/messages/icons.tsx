type IconProps = { className?: string };

function Svg({ className, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className ?? "size-4"}
    >
      {children}
    </svg>
  );
}

export const LockIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
  </Svg>
);

/** Points to the inline start: flipped in right-to-left text. */
export const ReplyIcon = (p: IconProps) => (
  <Svg className={`${p.className ?? "size-4"} rtl:-scale-x-100`}>
    <path d="M8 5 3.5 9.5 8 14" />
    <path d="M4 9.5h7a5 5 0 0 1 5 5V16" />
  </Svg>
);

export const ThreadIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 4.5h12v8H9l-4 3v-3H4z" />
  </Svg>
);

export const PaperclipIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m15.5 9.5-5.8 5.8a3.5 3.5 0 0 1-5-5l6.2-6.2a2.3 2.3 0 0 1 3.3 3.3l-6.1 6.1a1.2 1.2 0 0 1-1.7-1.7l5.4-5.4" />
  </Svg>
);

export const FileIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M11.5 2.5H6a1.5 1.5 0 0 0-1.5 1.5v12A1.5 1.5 0 0 0 6 17.5h8a1.5 1.5 0 0 0 1.5-1.5V6.5z" />
    <path d="M11.5 2.5v4h4" />
  </Svg>
);

export const ArrowDownIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M10 4v12M5 11l5 5 5-5" />
  </Svg>
);

export const TemplateIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 4.5h12M4 8.5h12M4 12.5h7M4 16.5h5" />
  </Svg>
);

export const CloseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m5 5 10 10M15 5 5 15" />
  </Svg>
);

export const ClockIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6v4l2.5 2" />
  </Svg>
);

/** The AI's mark: on assist buttons, run cards and the composer's AI tools. */
export const SparkleIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 3.5 10.4 7.6 14.5 9 10.4 10.4 9 14.5 7.6 10.4 3.5 9 7.6 7.6Z" />
    <path d="M15 13v4M13 15h4" />
  </Svg>
);
