/** DOM helpers both embed scripts (form and chat) build their Shadow DOM with: text only, never markup. */

export type Attrs = Record<string, string>;

/** An element with attributes and, optionally, its text (as `textContent`: never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The stylesheet: adopted where supported (a strict `style-src` CSP on the host page does not block it), else a `<style>`. */
export function addStyles(root: ShadowRoot, css: string): void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', {}, css));
  }
}
