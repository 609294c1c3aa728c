# Generated from src/modules/networking by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/networking.ts, not this file.

output "vpc_id" {
  value       = aws_vpc.networking_tiers_vpc.id
  description = "ID of the VPC."
}

output "vpc_cidr" {
  value       = var.vpc_cidr
  description = "IPv4 CIDR of the VPC."
}

output "public_subnet_ids" {
  value = [
    "${aws_subnet.networking_tiers_public_zone_0.id}",
    "${aws_subnet.networking_tiers_public_zone_1.id}",
  ]
  description = "IDs of the public subnets, in the order of availability_zones."
}

output "private_subnet_ids" {
  value = [
    "${aws_subnet.networking_tiers_private_zone_0.id}",
    "${aws_subnet.networking_tiers_private_zone_1.id}",
  ]
  description = "IDs of the private subnets, in the order of availability_zones."
}

output "private_route_table_ids" {
  value = [
    "${aws_route_table.networking_tiers_private_zone_0_route_table.id}",
    "${aws_route_table.networking_tiers_private_zone_1_route_table.id}",
  ]
  description = "IDs of the private route tables, one per zone."
}
