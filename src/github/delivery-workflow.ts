import * as fs from "fs";
import { Construct } from "constructs";
import { Fn } from "cdktf";
import { RepositoryFile } from "@cdktf/provider-github/lib/repository-file";
import { PACKAGE_NAME, packageFile } from "../core/package-root";
import { CI_WORKFLOW_PATHS } from "../ci/names";

/** The application's delivery workflow, as this package ships it (relative to the package root). */
export const DELIVERY_WORKFLOW_TEMPLATE = "assets/deploy.yml";
/** The rollout the workflow runs; the single source of its text (README "Delivery"). */
export const ROLLOUT_SCRIPT = "assets/rollout.sh";
/** Where the workflow lands in the application repository. */
export const DELIVERY_WORKFLOW_PATH = CI_WORKFLOW_PATHS.deploy;
/**
 * The template line the rollout script replaces: a whole line inside a `run: |` block. A shell
 * comment, so the unrendered template is still a well-formed workflow.
 */
export const ROLLOUT_MARKER = `# @inline ${ROLLOUT_SCRIPT}`;

/** What Actions would evaluate inside a `run:` text before the shell ever saw it. */
const ACTIONS_EXPRESSION_START = "${{";

/**
 * The workflow with the rollout script in place of the marker line, each script line indented like
 * the marker, so YAML reads the step's `run` back as exactly the script's text.
 */
export function renderDeliveryWorkflow(template: string, rolloutScript: string): string {
  const lines = template.split("\n");
  const markers = lines.flatMap((line, index) => (line.trim() === ROLLOUT_MARKER ? [index] : []));
  if (markers.length !== 1) {
    throw new Error(`${DELIVERY_WORKFLOW_TEMPLATE} must contain the line "${ROLLOUT_MARKER}" exactly once (found ${markers.length})`);
  }
  if (rolloutScript.includes(ACTIONS_EXPRESSION_START)) {
    throw new Error(`${ROLLOUT_SCRIPT} must not contain "${ACTIONS_EXPRESSION_START}": Actions would evaluate it inside the workflow`);
  }
  const [at] = markers;
  const indent = /^\s*/.exec(lines[at])![0];
  const scriptLines = rolloutScript.replace(/\n$/, "").split("\n").map((line) => (line === "" ? "" : indent + line));
  return [...lines.slice(0, at), ...scriptLines, ...lines.slice(at + 1)].join("\n");
}

/**
 * Reads the template and the script from this package's root (packageFile: the same files from the
 * sources under tsx or ts-jest and from the compiled, installed package, whatever the working
 * directory) and renders the workflow.
 */
export function loadDeliveryWorkflow(): string {
  const read = (relative: string) => fs.readFileSync(packageFile(relative), "utf8");
  return renderDeliveryWorkflow(read(DELIVERY_WORKFLOW_TEMPLATE), read(ROLLOUT_SCRIPT));
}

export interface DeliveryWorkflowFileProps {
  /** The application repository. */
  readonly repository: string;
  readonly branch: string;
  /** The rendered workflow (renderDeliveryWorkflow). */
  readonly content: string;
}

/** Commits the delivery workflow into the application repository; Terraform keeps it that way. */
export class DeliveryWorkflowFile extends Construct {
  constructor(scope: Construct, id: string, props: DeliveryWorkflowFileProps) {
    super(scope, id);
    new RepositoryFile(this, "file", {
      repository: props.repository,
      branch: props.branch,
      file: DELIVERY_WORKFLOW_PATH,
      // Base64 through Terraform: the workflow is full of `${{ }}` and the script of `${VAR}` and
      // backslashes, which Terraform strings would interpolate and cdktf's HCL rendering mangles.
      content: Fn.base64decode(Buffer.from(props.content, "utf8").toString("base64")),
      commitMessage: `Update ${DELIVERY_WORKFLOW_PATH} (managed by ${PACKAGE_NAME} from ${DELIVERY_WORKFLOW_TEMPLATE} and ${ROLLOUT_SCRIPT})`,
      // The file may already exist (the guide's deploy.yml): take it over rather than fail.
      overwriteOnCreate: true,
    });
  }
}
