import { Link } from "@fluentui/react-components";
import { useStyles } from "./styles";

/** The sheets just written, each a link that opens it; nothing while there are none. */
export function SheetLinks({ sheets, label, onSelect }: { sheets: readonly string[]; label: string; onSelect: (sheet: string) => void }) {
  const s = useStyles();
  if (sheets.length === 0) return null;
  return (
    <ul className={s.links} aria-label={label}>
      {sheets.map((name) => (
        <li key={name}>
          <Link as="button" className={s.link} onClick={() => onSelect(name)}>
            {name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
