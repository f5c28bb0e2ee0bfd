import Handlebars from 'handlebars';

/**
 * An isolated Handlebars environment for the e-mail templates, so helpers and partials registered
 * here never leak into (or get overridden by) other code using the global instance.
 *
 * Templates get fully prepared view models (every string already localised and formatted), so they
 * contain layout only. HTML templates use `{{ }}` exclusively (always escaped); `{{{ }}}` is never used.
 */
export const hbs = Handlebars.create();

/** Shared HTML shell: `{{#> layout}} … {{/layout}}` with root fields lang, subject, preheader, appName, footer. */
hbs.registerPartial(
  'layout',
  `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<span style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;">{{preheader}}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:720px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:6px;">
<tr><td style="padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#111827;">
<p style="margin:0 0 16px 0;font-size:13px;font-weight:bold;letter-spacing:0.5px;color:#1e3a8a;">{{appName}}</p>
{{> @partial-block}}
<p style="margin:24px 0 0 0;padding-top:12px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280;">{{footer}}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`,
);

/** Compiles an HTML template (escaping on). Compilation happens once, on first render. */
export function compileHtml<T>(source: string): (context: T) => string {
  return hbs.compile<T>(source, { strict: false });
}

/** Compiles a plain-text template (escaping off: text/plain needs no HTML entities). */
export function compileText<T>(source: string): (context: T) => string {
  return hbs.compile<T>(source, { noEscape: true });
}

/** Collapses every kind of line break, tab and control character into single spaces. */
export function oneLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens to `max` characters, ending with an ellipsis. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  return `${value.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** A single-line subject "[App] body" (no CR/LF can reach the mail header). */
export function subjectLine(appName: string, body: string): string {
  return oneLine(`[${oneLine(appName)}] ${body}`);
}

/** Returns the URL when it is an absolute http(s) URL, otherwise undefined (no javascript:, data: …). */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Normalises rendered plain text: no trailing spaces, at most one blank line, one final newline. */
export function tidyText(value: string): string {
  return `${value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** Indents continuation lines of a multi-line block for the plain-text body. */
export function indentBlock(value: string, indent: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join(`\n${indent}`);
}
