import { Construct } from "constructs";
import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { checkName } from "../../core/props";

export interface CodeDeployApplicationProps {
  /** The application's name. Required: deployments name their application. */
  readonly applicationName: string;
}

/** What a blue/green deployment group needs of its application; a CodeDeployApplication is one. */
export interface CodeDeployApplicationReference {
  /** The application's name: the deployment group's `app_name`. */
  readonly applicationName: string;
}

/** CodeDeploy allows 1-100 characters in application names. */
const MAX_NAME_LENGTH = 100;

/**
 * A CodeDeploy application for ECS: the container of the blue/green deployment groups of one
 * environment's services (BlueGreenDeployment). CodeDeploy charges nothing for ECS deployments.
 */
export class CodeDeployApplication extends Construct implements CodeDeployApplicationReference {
  readonly applicationName: string;
  /** The application resource, for escape-hatch overrides. */
  readonly application: CodedeployApp;

  constructor(scope: Construct, id: string, props: CodeDeployApplicationProps) {
    super(scope, id);
    checkName(this, "applicationName", props.applicationName, MAX_NAME_LENGTH, /^[A-Za-z0-9._+=,@-]+$/);
    this.application = new CodedeployApp(this, "application", { name: props.applicationName, computePlatform: "ECS" });
    this.applicationName = this.application.name;
  }
}
