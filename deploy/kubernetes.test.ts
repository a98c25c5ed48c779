import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { QUEUES } from '@mailroom/queues';
import { loadConfig as loadApiConfig } from '../apps/api/src/config.ts';
import { loadConfig as loadWorkerConfig } from '../apps/worker/src/config.ts';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags.ts';
import { loadLauncherConfig } from '../scripts/launcher-config.ts';

// Validates deploy/kubernetes offline: every document against the Kubernetes OpenAPI schemas
// (kubernetes-models: precompiled JSON-schema validators, plus its TypeScript interfaces for the
// unknown fields the schemas let through and `kubectl apply` rejects), then the wiring a schema
// cannot see.

const DIR = join(import.meta.dirname, 'kubernetes');

/** One schema per apiVersion and kind the manifests may use; anything else fails the test. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
};

/** The schema's complaints about one document, as `path: message` lines (none when valid). */
function schemaErrors(doc: any): string[] {
  const key = `${doc?.apiVersion}/${doc?.kind}`;
  const Model = MODELS[key];
  if (!Model) return [`no schema for ${key}`];
  try {
    new Model(doc).validate();
    return [];
  } catch (error: any) {
    const details: any[] = Array.isArray(error?.errors) ? error.errors : [];
    return details.length > 0
      ? details.map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`)
      : [String(error?.message ?? error)];
  }
}

/**
 * Fields the schemas do not know (a typo such as `replica:`): the OpenAPI schemas allow them, but
 * `kubectl apply` rejects them. Type-checks each document as an object literal of kubernetes-models'
 * interface for its kind (generated from the same OpenAPI spec), where TypeScript flags excess
 * properties; at least the first problem of each document is reported.
 */
function unknownFields(docs: { label: string; doc: any }[]): string[] {
  const files = new Map<string, { label: string; text: string }>();
  docs.forEach(({ label, doc }, i) => {
    const type = `I${doc.kind}`;
    const text = `import type { ${type} } from 'kubernetes-models/${doc.apiVersion}/${doc.kind}';
export const doc: ${type} = ${JSON.stringify(doc, null, 2)};
`;
    files.set(join(DIR, `__manifest${i}.ts`), { label, text }); // in memory only; resolves from the repository
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name)?.text ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const file = files.get(name);
    return file ? ts.createSourceFile(name, file.text, language) : getSourceFile(name, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files].flatMap(([name, { label }]) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(name))
      .map((d) => `${label}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
  );
}

type Manifest = { file: string; doc: any };

const kustomization = parse(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'));
const manifestFiles = readdirSync(DIR)
  .filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml')
  .sort();
const manifests: Manifest[] = manifestFiles.flatMap((file) =>
  parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return { file, doc: document.toJS() };
  }),
);

const all = (kind: string) => manifests.filter((m) => m.doc.kind === kind).map((m) => m.doc);
const one = (kind: string, name: string) => {
  const found = all(kind).filter((doc) => doc.metadata.name === name);
  expect(found, `${kind}/${name}`).toHaveLength(1);
  return found[0];
};
/** Deployments and Jobs, with their pod specs. */
const workloads = () => [...all('Deployment'), ...all('Job')];
const containerOf = (workload: any, name: string) => {
  const container = workload.spec.template.spec.containers.find((c: any) => c.name === name);
  expect(container, `container ${name} of ${workload.metadata.name}`).toBeDefined();
  return container;
};
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);
/** The Deployments whose pods a label selector picks. */
const deploymentsSelectedBy = (selector: Record<string, string>) =>
  all('Deployment').filter((d) => matches(selector, d.spec.template.metadata.labels));

/** A container's environment as the kubelet builds it (envFrom first, env overriding), Secrets swapped for `secrets`. */
function environment(container: any, secrets: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  const configMap = (name: string) => one('ConfigMap', name).data as Record<string, string>;
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, configMap(source.configMapRef.name));
    if (source.secretRef) for (const key of Object.keys(secretData(source.secretRef.name))) env[key] = secrets[key]!;
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = variable.value;
    else if (variable.valueFrom?.configMapKeyRef) {
      const ref = variable.valueFrom.configMapKeyRef;
      env[variable.name] = configMap(ref.name)[ref.key]!;
    } else if (variable.valueFrom?.secretKeyRef) env[variable.name] = secrets[variable.valueFrom.secretKeyRef.key]!;
  }
  return env;
}
const secretData = (name: string): Record<string, string> => {
  const secret = one('Secret', name);
  const decoded = Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString()]),
  );
  return { ...decoded, ...secret.stringData };
};
/** What an operator puts in the Secret instead of the template's placeholders. */
const REAL_SECRETS = {
  DATABASE_URL: 'postgres://mailroom:s3cret@db.internal:5432/mailroom',
  REDIS_URL: 'redis://:s3cret@redis.internal:6379',
  MAILROOM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/** docker-compose.yml with its YAML merge keys (`<<: *app`) applied, as Compose reads it. */
const composeText = readFileSync(join(import.meta.dirname, '..', 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true });

/** A value with its `${VAR:-default}` references replaced by their defaults (nothing else set). */
const interpolate = (value: string) =>
  value.replace(/\$\{(\w+):?-([^}]*)\}/g, (_, _name, fallback: string) => fallback);

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it('are all listed in kustomization.yaml, and its images name the ones the pods use', () => {
    expect(kustomization.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
    expect(kustomization.kind).toBe('Kustomization');
    expect([...kustomization.resources].sort()).toEqual(manifestFiles);
    const images = new Set(
      workloads().flatMap((w) => w.spec.template.spec.containers.map((c: any) => c.image as string)),
    );
    expect([...images].sort()).toEqual(kustomization.images.map((i: any) => i.name).sort());
  });

  it('validate against the Kubernetes schemas', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(10);
    const problems = manifests.flatMap(({ file, doc }) =>
      schemaErrors(doc).map((error) => `${file} ${doc.kind}/${doc.metadata?.name}: ${error}`),
    );
    expect(problems).toEqual([]);
    const label = ({ file, doc }: Manifest) => `${file} ${doc.kind}/${doc.metadata.name}`;
    expect(unknownFields(manifests.map((m) => ({ label: label(m), doc: m.doc })))).toEqual([]);
  });

  it('fail validation when broken (so the check above can fail)', () => {
    const api = () => structuredClone(one('Deployment', 'api'));
    expect(schemaErrors(api())).toEqual([]);

    const portAsString = api();
    portAsString.spec.template.spec.containers[0].ports[0].containerPort = '4000';
    expect(schemaErrors(portAsString).join('\n')).toMatch(/containerPort/);

    const noSelector = api();
    delete noSelector.spec.selector;
    expect(schemaErrors(noSelector).join('\n')).toMatch(/selector/);

    const hpa = structuredClone(one('HorizontalPodAutoscaler', 'api'));
    delete hpa.spec.maxReplicas;
    expect(schemaErrors(hpa).join('\n')).toMatch(/maxReplicas/);

    const typo = api();
    typo.spec.replica = 3;
    expect(schemaErrors(typo)).toEqual([]); // the OpenAPI schemas allow unknown fields…
    expect(unknownFields([{ label: 'typo', doc: typo }])).toEqual([
      expect.stringMatching(/^typo: .*'"?replica"?' does not exist in type/),
    ]); // …the interfaces do not

    expect(schemaErrors({ apiVersion: 'apps/v1beta1', kind: 'Deployment' })).toEqual([
      'no schema for apps/v1beta1/Deployment',
    ]);
  });

  it('select the pods they mean: Services, PodDisruptionBudgets, the HPA and the Ingress', () => {
    for (const deployment of all('Deployment')) {
      expect(matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
    }
    for (const service of all('Service')) {
      const [target, ...others] = deploymentsSelectedBy(service.spec.selector);
      expect(others, `Service ${service.metadata.name} selects one Deployment`).toEqual([]);
      expect(target?.metadata.name, `Service ${service.metadata.name}`).toBe(service.metadata.name);
      const ports = target.spec.template.spec.containers.flatMap((c: any) => c.ports ?? []);
      for (const port of service.spec.ports) {
        expect(
          ports.some((p: any) => p.name === port.targetPort || p.containerPort === port.targetPort),
          `${service.metadata.name}:${port.port} → ${port.targetPort}`,
        ).toBe(true);
      }
    }
    for (const pdb of all('PodDisruptionBudget')) {
      expect(deploymentsSelectedBy(pdb.spec.selector.matchLabels).map((d) => d.metadata.name)).toEqual([
        pdb.metadata.name,
      ]);
    }

    const hpa = one('HorizontalPodAutoscaler', 'api');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' });
    expect(hpa.spec.minReplicas).toBe(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics.map((m: any) => m.resource?.name)).toEqual(['cpu']);
    // The HPA owns the count; a fixed `replicas` would reset it on every apply.
    expect(one('Deployment', 'api').spec.replicas).toBeUndefined();
    // CPU utilisation is measured against the request.
    expect(containerOf(one('Deployment', 'api'), 'api').resources.requests.cpu).toBeDefined();

    for (const ingress of all('Ingress')) {
      for (const path of ingress.spec.rules.flatMap((r: any) => r.http.paths)) {
        const service = one('Service', path.backend.service.name);
        expect(service.spec.ports.map((p: any) => p.name)).toContain(path.backend.service.port.name);
      }
    }
  });

  it("name the API Service as the web console's nginx reaches it", () => {
    const nginx = readFileSync(join(import.meta.dirname, 'nginx.conf'), 'utf8');
    const [, host, port] = /proxy_pass http:\/\/([\w.-]+):(\d+)/.exec(nginx) ?? [];
    expect(one('Service', host!).spec.ports.map((p: any) => p.port)).toContain(Number(port));
    expect(one('Deployment', 'web').spec.template.spec.containers[0].ports[0].containerPort).toBe(80);
  });

  it('start the API, workers and migrations as docker-compose does, the workers with the V8 flags', () => {
    expect(containerOf(one('Deployment', 'api'), 'api').command).toEqual(compose.services['api-1'].command);
    expect(containerOf(one('Deployment', 'worker'), 'worker').command).toEqual([
      'node',
      ...WORKER_NODE_FLAGS,
      '--import',
      'tsx',
      'apps/worker/src/main.ts',
    ]);
    expect(containerOf(one('Job', 'mailroom-migrate'), 'migrate').command).toEqual([
      'node',
      '--import',
      'tsx',
      'scripts/migrate.ts',
    ]);
  });

  it('probe and scrape the ports the processes listen on', () => {
    const api = one('Deployment', 'api');
    const apiContainer = containerOf(api, 'api');
    const portOf = (container: any, port: string | number) =>
      typeof port === 'number' ? port : container.ports.find((p: any) => p.name === port)?.containerPort;
    expect(portOf(apiContainer, apiContainer.readinessProbe.httpGet.port)).toBe(4000);
    expect(apiContainer.readinessProbe.httpGet.path).toBe('/readyz');
    expect(apiContainer.livenessProbe.httpGet.path).toBe('/healthz');
    expect(portOf(apiContainer, apiContainer.livenessProbe.httpGet.port)).toBe(4000);
    expect(environment(apiContainer, REAL_SECRETS).API_PORT).toBe('4000');

    const worker = one('Deployment', 'worker');
    const workerContainer = containerOf(worker, 'worker');
    expect(workerContainer.livenessProbe.httpGet.path).toBe('/healthz');
    expect(portOf(workerContainer, workerContainer.livenessProbe.httpGet.port)).toBe(9464);
    expect(environment(workerContainer, REAL_SECRETS).WORKER_METRICS_PORT).toBe('9464');
    // Long enough for a worker to drain its in-flight jobs after SIGTERM.
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(120);

    for (const [deployment, container] of [
      [api, apiContainer],
      [worker, workerContainer],
    ]) {
      const annotations = deployment.spec.template.metadata.annotations;
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(annotations['prometheus.io/path']).toBe('/metrics');
      expect(container.ports.map((p: any) => String(p.containerPort))).toContain(annotations['prometheus.io/port']);
    }
    for (const workload of workloads()) {
      for (const container of workload.spec.template.spec.containers) {
        expect(container.resources?.requests, `${workload.metadata.name}/${container.name}`).toBeDefined();
        expect(container.resources?.limits?.memory, `${workload.metadata.name}/${container.name}`).toBeDefined();
      }
    }
  });

  it('read only ConfigMap and Secret keys that exist', () => {
    const missing: string[] = [];
    for (const workload of workloads()) {
      for (const container of workload.spec.template.spec.containers) {
        const where = `${workload.kind}/${workload.metadata.name}/${container.name}`;
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef && !all('ConfigMap').some((c) => c.metadata.name === source.configMapRef.name))
            missing.push(`${where}: ConfigMap ${source.configMapRef.name}`);
          if (source.secretRef && !all('Secret').some((s) => s.metadata.name === source.secretRef.name))
            missing.push(`${where}: Secret ${source.secretRef.name}`);
        }
        for (const variable of container.env ?? []) {
          const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
          if (configMapKeyRef) {
            const data = all('ConfigMap').find((c) => c.metadata.name === configMapKeyRef.name)?.data ?? {};
            if (!(configMapKeyRef.key in data))
              missing.push(`${where}: ${variable.name} ← ConfigMap ${configMapKeyRef.name}.${configMapKeyRef.key}`);
          }
          if (secretKeyRef) {
            const data = all('Secret').some((s) => s.metadata.name === secretKeyRef.name)
              ? secretData(secretKeyRef.name)
              : {};
            if (!(secretKeyRef.key in data))
              missing.push(`${where}: ${variable.name} ← Secret ${secretKeyRef.name}.${secretKeyRef.key}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("give each process an environment its own config accepts, once the Secret's placeholders are replaced", () => {
    const apiEnv = environment(containerOf(one('Deployment', 'api'), 'api'), REAL_SECRETS);
    expect(loadApiConfig(apiEnv).API_PORT).toBe(4000);

    const workerEnv = environment(containerOf(one('Deployment', 'worker'), 'worker'), REAL_SECRETS);
    const worker = loadWorkerConfig(workerEnv);
    expect([...worker.WORKER_QUEUES].sort()).toEqual(Object.values(QUEUES).sort()); // the default Deployment serves all
    expect(worker.PUBLIC_API_URL).toMatch(/^https:/);

    const migrateEnv = environment(containerOf(one('Job', 'mailroom-migrate'), 'migrate'), REAL_SECRETS);
    expect(loadLauncherConfig(migrateEnv).DATABASE_URL).toBe(REAL_SECRETS.DATABASE_URL);
  });

  it('ship the Secret as a template whose placeholders cannot start anything', () => {
    const template = secretData('mailroom-secrets');
    expect(Object.keys(template).sort()).toEqual(Object.keys(REAL_SECRETS).sort());
    for (const [key, value] of Object.entries(template)) expect(value, key).toMatch(/REPLACE_ME/);
    const workerEnv = environment(containerOf(one('Deployment', 'worker'), 'worker'), template);
    expect(() => loadWorkerConfig(workerEnv)).toThrow(/MAILROOM_SECRET_KEY/);
    expect(() => loadApiConfig(environment(containerOf(one('Deployment', 'api'), 'api'), template))).toThrow(
      /MAILROOM_SECRET_KEY/,
    );
  });
});

describe('docker-compose.yml', () => {
  const apiCommand = ['node', '--import', 'tsx', 'apps/api/src/main.ts'];
  const services = compose.services as Record<string, any>;
  const replicas = Object.keys(services).filter(
    (name) => JSON.stringify(services[name].command) === JSON.stringify(apiCommand),
  );
  const proxyConf = () => {
    const mount = (services['api-proxy'].volumes as string[]).find((v) =>
      v.endsWith(':/etc/nginx/conf.d/default.conf:ro'),
    );
    expect(mount, 'api-proxy mounts its nginx configuration').toBeDefined();
    return readFileSync(join(import.meta.dirname, '..', mount!.split(':')[0]!), 'utf8');
  };

  it('runs two API replicas, each healthy only when ready, with no host port of their own', () => {
    expect(replicas).toEqual(['api-1', 'api-2']);
    for (const name of replicas) {
      const api = services[name];
      expect(api.ports, name).toBeUndefined();
      expect(api.container_name, name).toBeUndefined();
      expect(api.environment.API_PORT, name).toBe('4000');
      expect(api.healthcheck.test.join(' '), name).toContain('/readyz');
      expect(api.depends_on.redis.condition, name).toBe('service_healthy');
    }
  });

  it('puts them behind a proxy whose upstream lists every replica and which upgrades websockets', () => {
    const proxy = services['api-proxy'];
    const conf = proxyConf();
    const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(conf);
    expect(upstream).not.toBeNull();
    const servers = [...upstream![2]!.matchAll(/^\s*server\s+([\w.-]+:\d+)/gm)].map((m) => m[1]);
    expect(servers).toEqual(replicas.map((name) => `${name}:${services[name].environment.API_PORT}`));
    expect(conf).toContain(`proxy_pass http://${upstream![1]};`);
    expect(conf).toMatch(/proxy_http_version 1\.1;/);
    expect(conf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(conf).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(conf).toMatch(/map \$http_upgrade \$connection_upgrade \{\s*default upgrade;\s*'' close;\s*\}/);
    expect(conf).toMatch(/proxy_set_header X-Request-Id \$\w+;/);
    const [, listen] = /listen (\d+);/.exec(conf) ?? [];
    expect(proxy.ports).toEqual([`${listen}:${listen}`]);
    expect(proxy.depends_on).toEqual(
      Object.fromEntries(replicas.map((name) => [name, { condition: 'service_healthy' }])),
    );

    // Everything that reached the single API as api:4000 now reaches the proxy under that name.
    expect(proxy.networks.default.aliases).toContain('api');
    const webNginx = readFileSync(join(import.meta.dirname, 'nginx.conf'), 'utf8');
    expect(/proxy_pass http:\/\/([\w.-]+:\d+)/.exec(webNginx)?.[1]).toBe(`api:${listen}`);
    expect(services.worker.environment.PUBLIC_API_URL).toBe(`http://api:${listen}`);
    expect(services.web.depends_on).toEqual({ 'api-proxy': { condition: 'service_healthy' } });
  });

  it('builds its image with every workspace installed', () => {
    const dockerfile = readFileSync(join(import.meta.dirname, '..', 'Dockerfile'), 'utf8');
    const root = join(import.meta.dirname, '..');
    const workspaces = ['apps', 'packages'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((name) => existsSync(join(root, dir, name, 'package.json')))
        .map((name) => `${dir}/${name}`),
    );
    expect(workspaces.length).toBeGreaterThanOrEqual(8);
    for (const workspace of workspaces) {
      expect(dockerfile, workspace).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    }
  });

  it('lets the worker scale (`--scale worker=N`): no container name, no host port', () => {
    expect(services.worker.container_name).toBeUndefined();
    expect(services.worker.ports).toBeUndefined();
    expect(Object.values(services).filter((service) => service.container_name)).toEqual([]);
  });

  it('gives every ${VAR} a default, and each process an environment its config accepts', () => {
    const references = [...composeText.matchAll(/\$\{[^}]*\}/g)].map((m) => m[0]);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((reference) => !/^\$\{\w+:?-[^}]*\}$/.test(reference))).toEqual([]);
    const environmentOf = (name: string) =>
      Object.fromEntries(
        Object.entries(services[name].environment as Record<string, string>).map(([key, value]) => [
          key,
          interpolate(String(value)),
        ]),
      );
    for (const name of replicas) {
      const config = loadApiConfig(environmentOf(name));
      expect(config.API_PORT).toBe(4000);
      expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined(); // empty: tracing off
    }
    expect(loadWorkerConfig(environmentOf('worker')).REDIS_URL).toBe('redis://redis:6379');
  });
});
