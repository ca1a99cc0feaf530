# Terraform for the Delegation Lab scenario "Parent NS copied from the wrong zone".
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

# These NS are the servers of aws_route53_zone.staging_example_com (staging.example.com.), not of aws_route53_zone.api_example_com: resolvers following them fail. Kept as in the scenario; the fix is aws_route53_zone.api_example_com.name_servers.
resource "aws_route53_record" "api_example_com_ns" {
  provider = aws.account_a_root
  zone_id  = aws_route53_zone.example_com.zone_id
  name     = "api.example.com"
  type     = "NS"
  ttl      = 300

  records = [
    "ns-366.awsdns-45.com.",
    "ns-828.awsdns-39.net.",
    "ns-1509.awsdns-60.org.",
    "ns-1686.awsdns-18.co.uk.",
  ]
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

resource "aws_route53_record" "_abc123_api_example_com_cname" {
  provider = aws.account_b_api_team
  zone_id  = aws_route53_zone.api_example_com.zone_id
  name     = "_abc123.api.example.com"
  type     = "CNAME"
  ttl      = 300
  records  = ["_def456.acm-validations.aws."]
}

resource "aws_route53_record" "www_api_example_com_cname" {
  provider = aws.account_b_api_team
  zone_id  = aws_route53_zone.api_example_com.zone_id
  name     = "www.api.example.com"
  type     = "CNAME"
  ttl      = 300
  records  = ["api.example.com."]
}

# staging.example.com. (ZKVFKXMT3Z35H80LA8NH6 in the scenario) in account 222222222222; Route 53 creates its SOA and NS.
resource "aws_route53_zone" "staging_example_com" {
  provider = aws.account_b_api_team
  name     = "staging.example.com"
}
