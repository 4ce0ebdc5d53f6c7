/**
 * The form's own stylesheet inside its shadow root. The font is set on the form itself, not on `:host`, because a
 * page rule such as `* { font-family: … !important }` also matches the host element. Colour is inherited so the
 * form suits light and dark pages; the page can set `--piltuvas-accent` / `--piltuvas-error`.
 */
export const STYLES = `:host{all:initial;display:block;max-width:36rem;color:inherit;--a:var(--piltuvas-accent,#1d5fc4);--e:var(--piltuvas-error,#b3261e)}
form,.t{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:start;text-transform:none;letter-spacing:normal;margin:0}
*{box-sizing:border-box}
p{margin:0}
[hidden]{display:none!important}
form,.f,fieldset{display:grid;gap:.3rem}
form{gap:1rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
label,legend{font-weight:600;padding:0}
.c{display:flex;gap:.6rem;align-items:flex-start}
.c label{font-weight:400}
.q{color:var(--e)}
input,select,textarea{font:inherit;color:#1b1b1f;background:#fff;width:100%;min-height:2.75rem;margin:0;padding:.5rem .75rem;border:1px solid #767b85;border-radius:6px}
textarea{min-height:7rem;resize:vertical}
input[type=checkbox]{width:1.25rem;height:1.25rem;min-height:0;margin:.15rem 0 0;padding:0;flex:none;accent-color:var(--a)}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
[aria-invalid=true]{border-color:var(--e);border-width:2px}
.h{font-size:.875rem;opacity:.8}
.h,.t,label,legend{white-space:pre-line}
[data-piltuvas=error]{color:var(--e);font-size:.875rem;font-weight:600}
[data-piltuvas=error]:empty,[data-piltuvas=status]:empty{display:none}
[data-tone=error]{color:var(--e);font-weight:600}
a{color:inherit;text-decoration:underline}
button{font:inherit;font-weight:600;color:#fff;background:var(--a);border:0;border-radius:6px;min-height:2.75rem;padding:.6rem 1.5rem;cursor:pointer;justify-self:start}
button:disabled{opacity:.65;cursor:progress}
.p{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.t{font-size:1.125rem}
@media (max-width:30rem){button{justify-self:stretch}}
`;
