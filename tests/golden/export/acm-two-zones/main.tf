# Terraform for the Delegation Lab scenario "ACM: one certificate, names in two delegated zones (issued)".
# One provider configuration per AWS account: give each the credentials of its account
# (a profile or assume_role) before terraform plan.
# Left out: acm-validations.aws. (AWS's own zone behind ACM's validation records).

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

# 111111111111: Account A (root)
provider "aws" {
  alias               = "account_a_root"
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}

# 222222222222: Account B (api team)
provider "aws" {
  alias               = "account_b_api_team"
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]
}

# example.com. (ZPJXOFB6SRQKCW5PP467B in the scenario) in account 111111111111; Route 53 creates its SOA and NS.
# At the registrar, example.com. is delegated to this zone's servers: after apply, set its NS to aws_route53_zone.example_com.name_servers (Route 53 assigns new ones).
resource "aws_route53_zone" "example_com" {
  provider = aws.account_a_root
  name     = "example.com"
}

resource "aws_route53_record" "example_com_a" {
  provider = aws.account_a_root
  zone_id  = aws_route53_zone.example_com.zone_id
  name     = "example.com"
  type     = "A"
  ttl      = 300
  records  = ["192.0.2.1"]
}

# Delegates api.example.com. to aws_route53_zone.api_example_com (account 222222222222).
resource "aws_route53_record" "api_example_com_ns" {
  provider = aws.account_a_root
  zone_id  = aws_route53_zone.example_com.zone_id
  name     = "api.example.com"
  type     = "NS"
  ttl      = 300
  records  = aws_route53_zone.api_example_com.name_servers
}

# Delegates shop.example.com. to aws_route53_zone.shop_example_com (account 222222222222).
resource "aws_route53_record" "shop_example_com_ns" {
  provider = aws.account_a_root
  zone_id  = aws_route53_zone.example_com.zone_id
  name     = "shop.example.com"
  type     = "NS"
  ttl      = 300
  records  = aws_route53_zone.shop_example_com.name_servers
}

# api.example.com. (ZFDEH0ZRZWVVR4PAT0KIW in the scenario) in account 222222222222; Route 53 creates its SOA and NS.
resource "aws_route53_zone" "api_example_com" {
  provider = aws.account_b_api_team
  name     = "api.example.com"
}

resource "aws_route53_record" "api_example_com_a" {
  provider = aws.account_b_api_team
  zone_id  = aws_route53_zone.api_example_com.zone_id
  name     = "api.example.com"
  type     = "A"
  ttl      = 300
  records  = ["192.0.2.10"]
}

resource "aws_route53_record" "www_api_example_com_cname" {
  provider = aws.account_b_api_team
  zone_id  = aws_route53_zone.api_example_com.zone_id
  name     = "www.api.example.com"
  type     = "CNAME"
  ttl      = 300
  records  = ["api.example.com."]
}

# shop.example.com. (ZKVFKXMT3Z35H80LA8NH6 in the scenario) in account 222222222222; Route 53 creates its SOA and NS.
resource "aws_route53_zone" "shop_example_com" {
  provider = aws.account_b_api_team
  name     = "shop.example.com"
}

resource "aws_route53_record" "shop_example_com_a" {
  provider = aws.account_b_api_team
  zone_id  = aws_route53_zone.shop_example_com.zone_id
  name     = "shop.example.com"
  type     = "A"
  ttl      = 300
  records  = ["192.0.2.20"]
}

# arn:aws:acm:us-east-1:222222222222:certificate/f7a44a6e-5545-42c6-8aee-5d79888667bd in account 222222222222 (PENDING_VALIDATION in the scenario).
resource "aws_acm_certificate" "wildcard_api_example_com" {
  provider                  = aws.account_b_api_team
  domain_name               = "*.api.example.com"
  subject_alternative_names = ["api.example.com", "shop.example.com"]
  validation_method         = "DNS"
}

# Validation records for *.api.example.com, api.example.com: in api.example.com., the zone that answers for these names.
# A wildcard and its base name share one record, hence allow_overwrite.
resource "aws_route53_record" "wildcard_api_example_com_validation_api_example_com" {
  for_each = {
    for dvo in aws_acm_certificate.wildcard_api_example_com.domain_validation_options : dvo.domain_name => {
      name   = dvo.resource_record_name
      record = dvo.resource_record_value
      type   = dvo.resource_record_type
    } if contains(["*.api.example.com", "api.example.com"], dvo.domain_name)
  }

  provider        = aws.account_b_api_team
  allow_overwrite = true
  zone_id         = aws_route53_zone.api_example_com.zone_id
  name            = each.value.name
  type            = each.value.type
  ttl             = 60
  records         = [each.value.record]
}

# Validation records for shop.example.com: in shop.example.com., the zone that answers for that name.
resource "aws_route53_record" "wildcard_api_example_com_validation_shop_example_com" {
  for_each = {
    for dvo in aws_acm_certificate.wildcard_api_example_com.domain_validation_options : dvo.domain_name => {
      name   = dvo.resource_record_name
      record = dvo.resource_record_value
      type   = dvo.resource_record_type
    } if contains(["shop.example.com"], dvo.domain_name)
  }

  provider = aws.account_b_api_team
  zone_id  = aws_route53_zone.shop_example_com.zone_id
  name     = each.value.name
  type     = each.value.type
  ttl      = 60
  records  = [each.value.record]
}

resource "aws_acm_certificate_validation" "wildcard_api_example_com" {
  provider                = aws.account_b_api_team
  certificate_arn         = aws_acm_certificate.wildcard_api_example_com.arn
  validation_record_fqdns = concat([for record in aws_route53_record.wildcard_api_example_com_validation_api_example_com : record.fqdn], [for record in aws_route53_record.wildcard_api_example_com_validation_shop_example_com : record.fqdn])
}
