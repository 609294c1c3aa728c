import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  defaultProjectConfig,
  readOverrides,
  resolveConfig,
  resolveEnvironments,
  s3BucketNameProblems,
  type ConfigOverrides,
} from "../src/config";
import { configProblems } from "./support/config";

const problemsFor = (overrides: ConfigOverrides) => configProblems(resolveConfig, overrides);

const s3 = { type: "s3", bucket: "acme-recipe-chatbot-tfstate", region: "us-east-1", lockTable: "recipe-chatbot-terraform-locks" };

describe("project configuration defaults", () => {
  it("is local state, the default repositories and bootstrap names when nothing is configured", () => {
    const { environments, project } = resolveConfig();
    expect(environments.map((e) => e.name)).toEqual(["dev", "staging", "prod"]);
    expect(project).toEqual({
      github: {
        owner: "recipe-chatbot",
        repository: "recipe-chatbot-infra",
        appRepository: "recipe-chatbot",
        // No token carries repository id 0: the CI roles trust nobody until the ids are configured.
        repositoryId: "0",
        appRepositoryId: "0",
        allowUnreviewedProduction: false,
      },
      stateBackend: { type: "local" },
      bootstrap: { region: "us-east-1", lockTableName: "recipe-chatbot-terraform-locks" },
    });
    expect(defaultProjectConfig()).toEqual(project);
  });

  it("fills the s3 and cloud backends' optional settings", () => {
    expect(resolveConfig({ stateBackend: s3 }).project.stateBackend).toEqual({ ...s3, keyPrefix: "recipe-chatbot" });
    expect(resolveConfig({ stateBackend: { type: "cloud", organization: "acme" } }).project.stateBackend).toEqual({
      type: "cloud",
      organization: "acme",
      hostname: "app.terraform.io",
      workspacePrefix: "recipe-chatbot-",
    });
  });

  it("keeps resolveEnvironments working on its own", () => {
    expect(resolveEnvironments({ stateBackend: { type: "nonsense" } }).map((e) => e.name)).toEqual(["dev", "staging", "prod"]);
  });
});

describe("bad project configuration fails with the field and what is allowed", () => {
  it.each([
    ["an owner starting with a hyphen", { github: { owner: "-acme" } }, "github.owner: must be a GitHub owner: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen (got \"-acme\")"],
    ["an owner with a double hyphen", { github: { owner: "ac--me" } }, "github.owner: must be a GitHub owner"],
    ["an owner of 40 characters", { github: { owner: "a".repeat(40) } }, "github.owner: must be a GitHub owner"],
    ["an owner with an underscore", { github: { owner: "ac_me" } }, "github.owner: must be a GitHub owner"],
    ["a repository with a slash", { github: { repository: "infra/main" } }, "github.repository: must be a GitHub repository name: 1-100 letters, digits, '.', '_' or '-' (got \"infra/main\")"],
    ["a repository named ..", { github: { appRepository: ".." } }, 'github.appRepository: must not be "." or ".." (got "..")'],
    ["a repository of 101 characters", { github: { repository: "r".repeat(101) } }, "github.repository: must be a GitHub repository name"],
    ["an unknown GitHub setting", { github: { organisation: "acme" } }, 'github: unknown setting(s) "organisation"; allowed: owner, repository, appRepository, repositoryId, appRepositoryId, allowUnreviewedProduction, workflowCodeOwners'],
    ["a repository id with letters", { github: { repositoryId: "12ab" } }, "github.repositoryId: must be a GitHub repository id"],
    ["a repository id of 0", { github: { appRepositoryId: 0 } }, "github.appRepositoryId: must be a GitHub repository id"],
    ["a code owner without @", { github: { workflowCodeOwners: ["platform"] } }, "github.workflowCodeOwners.0: must be a GitHub handle: @user or @org/team"],
    ["a non-boolean allowUnreviewedProduction", { github: { allowUnreviewedProduction: "yes" } }, "github.allowUnreviewedProduction"],
    ["cloud without an organization", { stateBackend: { type: "cloud" } }, "stateBackend.organization: is required for type cloud: the Terraform Cloud / Enterprise organization name (missing)"],
    ["an unknown backend type", { stateBackend: { type: "gcs" } }, 'stateBackend.type: must be one of: local, s3, cloud (got "gcs")'],
    ["s3 without a bucket", { stateBackend: { ...s3, bucket: undefined } }, "stateBackend.bucket: is required for type s3: the state bucket (the bootstrap stack's state_bucket_name output) (missing)"],
    ["s3 with an unknown region", { stateBackend: { ...s3, region: "moon-1" } }, "stateBackend.region: must be the state bucket's AWS region: us-east-1, us-east-2"],
    ["s3 with a key prefix ending in /", { stateBackend: { ...s3, keyPrefix: "states/" } }, "stateBackend.keyPrefix: must be path segments"],
    ["s3 with a key id instead of an ARN", { stateBackend: { ...s3, kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } }, "stateBackend.kmsKeyId: must be a KMS key or alias ARN"],
    ["a setting of another backend type", { stateBackend: { ...s3, organization: "acme" } }, 'stateBackend: unknown setting(s) "organization"; allowed: type, bucket, region, lockTable, keyPrefix, kmsKeyId'],
    ["an unknown environment for the bootstrap", { bootstrap: { environments: ["prod", "qa"] } }, 'bootstrap.environments.1: "qa" is not a configured environment; allowed: dev, staging, prod'],
    ["an empty environment list for the bootstrap", { bootstrap: { environments: [] } }, "bootstrap.environments: must name at least one environment (omit it for all) (got [])"],
    ["a bad lock table name", { bootstrap: { lockTableName: "locks!" } }, "bootstrap.lockTableName: must be a DynamoDB table name: 3-255 letters, digits, '_', '.' or '-' (got \"locks!\")"],
  ])("%s", (_case, overrides, expected) => {
    const problems = problemsFor(overrides as ConfigOverrides);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it.each([
    ["too short", "ab", "must be 3-63 characters long"],
    ["too long", "a".repeat(64), "must be 3-63 characters long"],
    ["upper case", "Recipe-State", "may contain only lowercase letters, digits, dots and hyphens"],
    ["underscore", "recipe_state", "may contain only lowercase letters, digits, dots and hyphens"],
    ["a leading hyphen", "-recipe-state", "must start and end with a lowercase letter or digit"],
    ["a trailing dot", "recipe-state.", "must start and end with a lowercase letter or digit"],
    ["two adjacent dots", "recipe..state", 'must not contain ".."'],
    ["an IP address", "192.168.10.20", "must not look like an IP address"],
    ["the xn-- prefix", "xn--recipe-state", 'must not start with "xn--" (reserved by S3)'],
    ["the -s3alias suffix", "recipe-state-s3alias", 'must not end with "-s3alias" (reserved by S3)'],
  ])("rejects a bucket name with %s, naming the field", (_case, name, rule) => {
    expect(s3BucketNameProblems(name)).toContainEqual(rule);
    for (const [overrides, field] of [
      [{ bootstrap: { stateBucketName: name } }, "bootstrap.stateBucketName"],
      [{ stateBackend: { ...s3, bucket: name } }, "stateBackend.bucket"],
    ] as const) {
      const [problem] = problemsFor(overrides);
      expect(problem).toMatch(new RegExp(`^${field.replace(".", "\\.")}: is not a valid S3 bucket name: .*${rule.replace(/[.*()"]/g, "\\$&")}`));
    }
  });

  it("accepts names S3 accepts", () => {
    for (const name of ["abc", "recipe-chatbot-tfstate-123456789012", "my.state.bucket", "a".repeat(63)]) {
      expect(s3BucketNameProblems(name)).toEqual([]);
    }
  });

  it("lists the environments' problems and the project's together, in one error", () => {
    expect(
      problemsFor({
        environments: { dev: { network: { natMode: "sometimes" } } },
        github: { owner: "-x" },
        stateBackend: { type: "cloud" },
      }),
    ).toEqual([
      'environments.dev.network.natMode: must be one of: none, single, per-az (got "sometimes")',
      'github.owner: must be a GitHub owner: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen (got "-x")',
      "stateBackend.organization: is required for type cloud: the Terraform Cloud / Enterprise organization name (missing)",
    ]);
  });
});

describe("overrides file with project sections", () => {
  const write = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cfg-")), "config.yaml");
    fs.writeFileSync(file, text);
    return file;
  };

  it("reads stateBackend, github and bootstrap next to environments", () => {
    const file = write(
      [
        "environments:",
        "  dev: { network: { natMode: none } }",
        "stateBackend:",
        "  type: s3",
        "  bucket: acme-recipe-chatbot-tfstate",
        "  region: eu-west-1",
        "  lockTable: recipe-chatbot-terraform-locks",
        "github: { owner: acme, repository: chatbot-infra, appRepository: chatbot }",
        "bootstrap: { region: eu-west-1, stateBucketName: acme-recipe-chatbot-tfstate }",
        "",
      ].join("\n"),
    );
    const { environments, project } = resolveConfig(readOverrides({ RECIPE_CHATBOT_CONFIG: file }));
    expect(environments.find((e) => e.name === "dev")!.network.natMode).toBe("none");
    expect(project.stateBackend).toMatchObject({ type: "s3", bucket: "acme-recipe-chatbot-tfstate", region: "eu-west-1", keyPrefix: "recipe-chatbot" });
    expect(project.github).toMatchObject({ owner: "acme", repository: "chatbot-infra", appRepository: "chatbot" });
    expect(project.bootstrap).toEqual({ region: "eu-west-1", stateBucketName: "acme-recipe-chatbot-tfstate", lockTableName: "recipe-chatbot-terraform-locks" });
  });

  it("rejects unknown sections with the allowed list, and sections that are not mappings", () => {
    expect(() => readOverrides({ RECIPE_CHATBOT_CONFIG: write("backend: { type: s3 }\n") })).toThrow(
      "backend: not a configuration section; allowed: environments, stateBackend, github, bootstrap",
    );
    expect(() => readOverrides({ RECIPE_CHATBOT_CONFIG: write("stateBackend: s3\ngithub: [acme]\n") })).toThrow(
      /stateBackend: must be a mapping of settings\n\s+- github: must be a mapping of settings/,
    );
  });
});
