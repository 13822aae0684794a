// Lua 5.4 split into the tokens the script editor colours: comments (`--` to the end of the line,
// `--[[ ... ]]` and `--[==[ ... ]==]`), strings ('...', "..." with escapes, and long brackets
// `[[ ... ]]`), numbers, keywords, the region-script declarations (docs/rules.md §4) and the rest.
// A scanner, not a parser: it only has to agree with Lua on where a comment or a string ends, so
// that a `--` inside a string or a `"` inside a comment does not colour the rest of the file.

const KEYWORDS = new Set(["and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
                          "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"]);
// The rule declarations a region script is made of (host/rules/declaration_reader.cpp).
export const DECLARATIONS = new Set(["region", "fee", "material", "offer", "step", "review", "refuse", "limit", "validity",
                                     "renewal_window", "years_offered"]);

// The end of a long bracket opened at `start` ("[", "=" * level, "["), or the text's end when it
// is never closed (Lua calls that an error; the check will say so, the colours need not).
function longBracketEnd(text, start) {
  const open = /^\[(=*)\[/.exec(text.slice(start, start + 260));
  if (!open) return -1;
  const close = `]${open[1]}]`;
  const end = text.indexOf(close, start + open[0].length);
  return end < 0 ? text.length : end + close.length;
}

function quotedEnd(text, start) {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (c === "\n") return i;  // an unfinished string stops at the line's end, as Lua's error does
    else i += 1;
  }
  return text.length;
}

const NUMBER = /^(0[xX][0-9a-fA-F]*(\.[0-9a-fA-F]*)?([pP][+-]?\d+)?|\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

// [{kind, text}], kinds: "comment", "string", "number", "keyword", "declaration", "plain".
// Joining every token's text gives back `text` exactly.
export function luaTokens(text) {
  const tokens = [];
  let before = "";  // the last character of code (not space, not comment) before the current token
  const push = (kind, from, to) => {
    if (kind !== "comment") {
      const code = text.slice(from, to).trimEnd();
      if (code) before = code[code.length - 1];
    }
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === "plain") last.text += text.slice(from, to);
    else tokens.push({kind, text: text.slice(from, to)});
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "-" && text[i + 1] === "-") {
      const long = text[i + 2] === "[" ? longBracketEnd(text, i + 2) : -1;
      const lineEnd = text.indexOf("\n", i);
      const end = long > 0 ? long : lineEnd < 0 ? text.length : lineEnd;
      push("comment", i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      const end = quotedEnd(text, i);
      push("string", i, end);
      i = end;
    } else if (c === "[" && (text[i + 1] === "[" || text[i + 1] === "=")) {
      const end = longBracketEnd(text, i);
      if (end > 0) {
        push("string", i, end);
        i = end;
      } else {
        push("plain", i, i + 1);
        i += 1;
      }
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] || ""))) {
      const m = NUMBER.exec(text.slice(i, i + 64));
      push("number", i, i + m[0].length);
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = NAME.exec(text.slice(i, i + 256))[0];
      // A field named like a declaration (`{ region = ... }`, `x.fee`) is not one.
      const kind = KEYWORDS.has(word) ? "keyword"
        : DECLARATIONS.has(word) && before !== "." && before !== ":" && !/^\s*=[^=]/.test(text.slice(i + word.length, i + word.length + 8))
          ? "declaration" : "plain";
      push(kind, i, i + word.length);
      i += word.length;
    } else {
      push("plain", i, i + 1);
      i += 1;
    }
  }
  return tokens;
}

// The tokens cut into lines: [[{kind, text}, ...], ...], one array per line of `text` (a token
// spanning lines, a long comment or string, is cut at each newline, keeping its kind).
export function luaLines(text) {
  const lines = [[]];
  for (const token of luaTokens(text)) {
    const parts = token.text.split("\n");
    parts.forEach((part, n) => {
      if (n > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({kind: token.kind, text: part});
    });
  }
  return lines;
}
