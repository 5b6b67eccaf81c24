// Untrusted text (a requester's reason, an approver's name, Atlas's `detail`): bounded where it enters, and shown
// through one sanitizer wherever it leaves (the CLI's terminal, a webhook's `text`), so it cannot move a cursor,
// rewrite a line, reorder what a reviewer reads (bidi overrides) or ping a Slack channel. Workflow-safe.

/** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates: matching them is the point. */
/* eslint-disable no-control-regex */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

/** The longest a name (approver, requester) and a note (comment, reason) may be. */
export const NAME_MAX = 200;
export const NOTE_MAX = 1000;
/** Atlas's `detail` text kept in an error (and so in failures, the audit trail and the result). */
export const ATLAS_DETAIL_MAX = 500;

export const hasControls = (s: string): boolean => CONTROL.test(s);
export const CONTROLS_MESSAGE = 'must not contain control characters or bidirectional overrides';

/** Every control shown as \xNN (or \u{NNNN} above 0xff): visible, and inert in a terminal. Line breaks too. */
export function sanitize(s: string): string {
  return s.replace(CONTROLS, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/** A multi-line text we built: each line sanitized, the line breaks kept. */
export const sanitizeLines = (s: string): string => s.split('\n').map(sanitize).join('\n');

/** Slack's mrkdwn escapes (&, <, >): no `<!channel>`, no disguised links. */
export const slackEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cut to `max` characters, marking the cut. */
export const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
