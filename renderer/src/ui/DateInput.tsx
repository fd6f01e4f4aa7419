/**
 * Days and months typed and shown in Chinese (2025年1月6日, 2024年3月), whatever the language
 * of the computer: Chromium draws `<input type="date|month">` in its own UI language
 * ("January 2025"), which a page cannot change and `--lang` does not change in every
 * Chromium. The value stays YYYY-MM-DD / YYYY-MM; 2025-01-06, 2025/1/6 and 2025.1.6 are
 * read too. A text that is not a real day or month is marked and gives no value.
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { monthLabel } from '../../../shared/model';
import { dayWords, readDay } from '../../../shared/people/dates';

/** 2024-03, 2024/3, 2024.3 or 2024年3月 as YYYY-MM, or null. */
export function readMonth(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

function ChineseInput({
  value,
  onChange,
  read,
  words,
  placeholder,
  size,
  ...rest
}: Passed & { value: string; onChange: (value: string) => void; read: (text: string) => string | null; words: (value: string) => string }) {
  const [text, setText] = useState(value ? words(value) : '');
  const [bad, setBad] = useState(false);
  // a value changed from outside (another record chosen) is shown in words; what is being typed stays
  useEffect(() => {
    setText((t) => ((read(t) ?? '') === value ? t : value ? words(value) : ''));
  }, [value, read, words]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      size={size}
      placeholder={placeholder}
      value={text}
      aria-invalid={bad || rest['aria-invalid'] === true ? true : undefined}
      title={bad ? `请按“${placeholder ?? ''}”的样式填写` : undefined}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = next.trim() === '' ? '' : read(next);
        setBad(parsed === null);
        onChange(parsed ?? '');
      }}
      onBlur={() => {
        const parsed = read(text);
        if (parsed) setText(words(parsed));
      }}
    />
  );
}

/** A day: shown 2025年1月6日, value YYYY-MM-DD ('' when empty or not a real day). */
export function DayInput(props: Passed & { value: string; onChange: (value: string) => void }) {
  return <ChineseInput size={14} placeholder="如 2025年1月6日" {...props} read={readDay} words={dayWords} />;
}

/** A month: shown 2024年3月, value YYYY-MM ('' when empty or not a month). */
export function MonthInput(props: Passed & { value: string; onChange: (value: string) => void }) {
  return <ChineseInput size={10} placeholder="如 2024年3月" {...props} read={readMonth} words={monthLabel} />;
}
