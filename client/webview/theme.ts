/**
 * Maps the VS Code colour theme (the `vscode-*` class VS Code puts on the webview's body) to a Mermaid
 * theme. Light and dark use Mermaid's own palettes; high contrast uses `base` with the theme's own
 * contrast colours, so borders and text keep the contrast the user asked for.
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface MermaidTheme {
  kind: ThemeKind;
  theme: 'default' | 'dark' | 'base';
  darkMode: boolean;
  themeVariables?: Record<string, string>;
}

export function themeKind(body: HTMLElement): ThemeKind {
  const classes = body.classList;
  // Checked first: VS Code may also set `vscode-high-contrast` on high-contrast light themes.
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function mermaidTheme(body: HTMLElement): MermaidTheme {
  const kind = themeKind(body);
  if (kind === 'light') return { kind, theme: 'default', darkMode: false };
  if (kind === 'dark') return { kind, theme: 'dark', darkMode: true };
  const dark = kind === 'high-contrast';
  const css = getComputedStyle(body);
  const color = (name: string, fallback: string) => {
    const value = css.getPropertyValue(name).trim();
    // Mermaid derives shades from these, so only plain hex colours are passed on.
    return /^#[0-9a-f]{6}$/i.test(value) ? value : fallback;
  };
  const background = color('--vscode-editor-background', dark ? '#000000' : '#ffffff');
  const foreground = color('--vscode-editor-foreground', dark ? '#ffffff' : '#000000');
  const border = color('--vscode-contrastBorder', dark ? '#6fc3df' : '#0f4a85');
  return {
    kind,
    theme: 'base',
    darkMode: dark,
    themeVariables: {
      background,
      mainBkg: background,
      primaryColor: background,
      secondaryColor: background,
      tertiaryColor: background,
      clusterBkg: background,
      edgeLabelBackground: background,
      primaryTextColor: foreground,
      nodeTextColor: foreground,
      titleColor: foreground,
      textColor: foreground,
      lineColor: foreground,
      primaryBorderColor: border,
      nodeBorder: border,
      clusterBorder: border,
    },
  };
}

/** Calls `onChange` whenever VS Code switches theme (it rewrites the body's class attribute). */
export function watchTheme(body: HTMLElement, onChange: () => void): void {
  let last = themeKind(body);
  new MutationObserver(() => {
    const next = themeKind(body);
    if (next !== last) {
      last = next;
      onChange();
    }
  }).observe(body, { attributes: true, attributeFilter: ['class'] });
}
