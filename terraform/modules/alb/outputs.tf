# Generated from src/modules/alb by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/alb.ts, not this file.

output "url" {
  value       = "https://${var.domain_name}"
  description = "https://<domain_name>."
}

output "arn" {
  value       = aws_lb.alb.arn
  description = "ARN of the load balancer."
}

output "arn_suffix" {
  value       = aws_lb.alb.arn_suffix
  description = "The load balancer's ARN suffix, CloudWatch's LoadBalancer dimension."
}

output "dns_name" {
  value       = aws_lb.alb.dns_name
  description = "DNS name of the load balancer."
}

output "zone_id" {
  value       = aws_lb.alb.zone_id
  description = "Route 53 zone id of the load balancer, for alias records."
}

output "security_group_id" {
  value       = aws_security_group.alb_security_group.id
  description = "The load balancer's security group: let it in to the service's port."
}

output "target_group_arn" {
  value       = aws_lb_target_group.alb_app_target_group.arn
  description = "ARN of the target group (ready: its listener exists), for the service's load_balancer."
  depends_on = [
    aws_lb_listener.alb_https
  ]
}

output "target_group_arn_suffix" {
  value       = aws_lb_target_group.alb_app_target_group.arn_suffix
  description = "The target group's ARN suffix, CloudWatch's TargetGroup dimension."
}

output "web_acl_arn" {
  value       = aws_wafv2_web_acl.alb_waf_web_acl.arn
  description = "ARN of the WAF web ACL."
}
