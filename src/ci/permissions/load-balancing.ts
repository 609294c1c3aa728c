import { arn, environmentNames, type ServiceAccess } from "./catalogue";

/** The application load balancer, its listeners, rules and target groups. */
export const LOAD_BALANCING_ACCESS = {
  sid: "LoadBalancing",
  group: "edge",
  unscopedRead: [
    "elasticloadbalancing:DescribeCapacityReservation", "elasticloadbalancing:DescribeListenerAttributes",
    "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes",
    "elasticloadbalancing:DescribeTargetGroups",
  ],
  write: [
    "elasticloadbalancing:AddTags", "elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateLoadBalancer",
    "elasticloadbalancing:CreateRule", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteListener",
    "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:DeleteTargetGroup",
    "elasticloadbalancing:ModifyListener",
    "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyLoadBalancerAttributes",
    "elasticloadbalancing:ModifyRule", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
    "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetRulePriorities",
    "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
  ],
  // WAF checks it on the caller when it associates a web ACL; it takes no resource.
  unscopedWrite: ["elasticloadbalancing:SetWebAcl"],
  resources: (s, e) =>
    ["loadbalancer/app", "listener/app", "listener-rule/app", "targetgroup"].map((type) =>
      arn(s, e, "elasticloadbalancing", `${type}/${environmentNames(e)}`),
    ),
} satisfies ServiceAccess;
