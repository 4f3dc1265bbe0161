import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * An unroutable proxy: port 9 on loopback (discard) with nothing listening, so any HTTP(S) request a renderer makes
 * (a chart repository, a remote Kustomize base fetched over HTTPS, an OCI registry) fails at once instead of
 * reaching the network. Go's net/http honours these variables (ProxyFromEnvironment), and NO_PROXY is emptied so
 * no host is exempt.
 */
const DEAD_PROXY = 'http://127.0.0.1:9';

/** Variables of the user's environment a renderer may see: where programs are, temp files, and Windows' basics. */
const INHERITED = ['PATH', 'Path', 'SystemRoot', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'LC_ALL'];

let home: string | undefined;

/**
 * A private, empty home for the renderers, made once per process: no Helm plugins, repositories, registry logins or
 * caches, no kubeconfig, no git or Kustomize configuration of the user's. Anything a renderer would read from there
 * to reach beyond the chart or kustomization is simply absent.
 */
function privateHome(): string {
  if (home) return home;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-service-lens-render-'));
  for (const sub of ['helm/plugins', 'helm/config', 'helm/data', 'helm/cache/repository', 'helm/cache/content', 'helm/config/registry']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  writeFileSync(path.join(dir, 'kubeconfig'), '');
  home = dir;
  return dir;
}

/**
 * The whole environment of a renderer, built from nothing: Helm looks for plugins, repositories and registry
 * credentials only where these point (helm `env` lists them; pkg/cli/environment.go), kubectl and Helm find no
 * cluster (an empty KUBECONFIG; `lookup` in a template then returns empty maps, helm.sh/docs/chart_template_guide/functions_and_pipelines/),
 * git clones nothing but local paths (GIT_ALLOW_PROTOCOL, git(1)) and never prompts, and HTTP goes to a dead proxy.
 */
export function rendererEnvironment(inherited: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dir = privateHome();
  const env: NodeJS.ProcessEnv = {};
  for (const key of INHERITED) if (inherited[key] !== undefined) env[key] = inherited[key];
  const helm = (sub: string) => path.join(dir, 'helm', sub);
  return {
    ...env,
    HOME: dir,
    USERPROFILE: dir,
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    HELM_PLUGINS: helm('plugins'),
    HELM_CONFIG_HOME: helm('config'),
    HELM_DATA_HOME: helm('data'),
    HELM_CACHE_HOME: helm('cache'),
    HELM_CONTENT_CACHE: helm('cache/content'),
    HELM_REPOSITORY_CONFIG: helm('config/repositories.yaml'),
    HELM_REPOSITORY_CACHE: helm('cache/repository'),
    HELM_REGISTRY_CONFIG: helm('config/registry/config.json'),
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    ALL_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    all_proxy: DEAD_PROXY,
    NO_PROXY: '',
    no_proxy: '',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'file',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig'),
  };
}

/**
 * Flags that would let a render reach beyond its folder or run other programs: Helm's dependency download,
 * post-renderer plugins and cluster validation, Kustomize's exec and KRM-function plugins, its Helm inflation and
 * network access. The kinds never build them; the runner refuses them anyway, whatever built the command.
 */
const FORBIDDEN =
  /^--(dependency-update|post-renderer|post-renderer-args|validate|dry-run=server|kubeconfig|enable-alpha-plugins|enable-exec|enable-helm|helm-command|network|network-name|mount|as-current-user|load-restrictor|verify|repo|username|password|keyring)(=|$)/;

export function forbiddenArgument(args: readonly string[]): string | undefined {
  return args.find((arg) => FORBIDDEN.test(arg) || arg.startsWith('--kube-') || arg.startsWith('--helm-'));
}
