/**
 * The chat widget's stylesheet inside its shadow root: a launcher button in the corner and a panel above it.
 * Fonts are set on the widget's own elements (a page's `* { font-family: … !important }` also matches the host);
 * the page can set `--piltuvas-accent` on `[data-piltuvas-chat]`.
 */
export const CHAT_STYLES = `:host{all:initial;position:fixed;right:1.25rem;bottom:1.25rem;z-index:2147483000;--a:var(--piltuvas-accent,#1d5fc4);--e:var(--piltuvas-error,#b3261e)}
*{box-sizing:border-box}
[hidden]{display:none!important}
.w,.l,button,textarea{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:normal;text-transform:none;text-align:start}
.w{display:flex;flex-direction:column;align-items:flex-end;gap:.75rem}
.l{position:relative;display:inline-flex;align-items:center;gap:.5rem;color:#fff;background:var(--a);border:0;border-radius:999px;min-height:3rem;padding:.65rem 1.2rem;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.b{position:absolute;top:-.35rem;right:-.35rem;min-width:1.35rem;height:1.35rem;border-radius:999px;background:var(--e);color:#fff;font-size:.75rem;line-height:1.35rem;text-align:center;padding:0 .3rem}
.p{display:flex;flex-direction:column;width:min(23rem,calc(100vw - 2.5rem));height:min(34rem,calc(100vh - 6.5rem));background:#fff;color:#1b1b1f;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden}
.h{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.6rem .9rem;background:var(--a);color:#fff}
.h strong{font-size:1rem}
.h small{display:block;font-size:.8rem;opacity:.9}
.x{background:transparent;color:#fff;border:0;border-radius:6px;width:2.25rem;height:2.25rem;font-size:1.3rem;line-height:1;cursor:pointer}
.g{flex:1;overflow-y:auto;padding:.75rem;display:flex;flex-direction:column;gap:.5rem;margin:0;list-style:none}
.m{max-width:85%;padding:.45rem .7rem;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;background:#eef0f4}
.m[data-sender=visitor]{align-self:flex-end;background:var(--a);color:#fff;border-bottom-right-radius:4px}
.m[data-sender=bot],.m[data-sender=user]{align-self:flex-start;border-bottom-left-radius:4px}
.m[data-sender=system]{align-self:center;background:transparent;color:#5b606b;font-size:.85rem;font-style:italic;text-align:center}
.a{display:block;font-size:.75rem;font-weight:600;opacity:.75}
.q{display:flex;flex-wrap:wrap;gap:.4rem;padding:0 .75rem .5rem}
.q button{font-size:.875rem;color:var(--a);background:#fff;border:1px solid var(--a);border-radius:999px;min-height:2.25rem;padding:.3rem .85rem;cursor:pointer}
.s{padding:0 .9rem .4rem;font-size:.85rem;color:#5b606b}
.s[data-tone=error]{color:var(--e);font-weight:600}
.s:empty{display:none}
form{display:flex;gap:.5rem;padding:.6rem;border-top:1px solid #dde0e6;margin:0}
textarea{flex:1;resize:none;min-height:2.75rem;max-height:7rem;padding:.55rem .7rem;color:#1b1b1f;background:#fff;border:1px solid #767b85;border-radius:8px}
form button,.r{color:#fff;background:var(--a);border:0;border-radius:8px;min-height:2.75rem;padding:.5rem 1rem;font-weight:600;cursor:pointer}
.r{margin:0 .75rem .75rem}
button:disabled,textarea:disabled{opacity:.6;cursor:default}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.h :focus-visible,.l:focus-visible{outline-color:#fff;outline-offset:-4px}
@media (max-width:30rem){:host{right:.75rem;bottom:.75rem}.p{width:calc(100vw - 1.5rem);height:calc(100vh - 5.5rem)}}
`;
