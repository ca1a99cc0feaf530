#!/bin/sh
# AWS CLI commands for the Delegation Lab scenario "ACM: validation record in the parent zone (times out)".
# Run each account's part with that account's credentials (--profile or AWS_PROFILE).
# Route 53 gives each new zone its own id (kept in a shell variable below) and its own
# name servers: in the NS of a delegation, put the servers create-hosted-zone printed
# for the child zone instead of the scenario's.
set -e

# Account 111111111111 (Account A (root))
ZONE_EXAMPLE_COM=$(aws route53 create-hosted-zone --name example.com --caller-reference root-example-com --query HostedZone.Id --output text)
# The NS of api.example.com. are the servers of hosted zone api.example.com. (ZFDEH0ZRZWVVR4PAT0KIW) in the scenario: use those Route 53 printed for it.
aws route53 change-resource-record-sets --hosted-zone-id "$ZONE_EXAMPLE_COM" --change-batch '{"Comment":"Delegation Lab: the record sets of example.com.","Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"example.com.","Type":"A","TTL":300,"ResourceRecords":[{"Value":"192.0.2.1"}]}},{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com.","Type":"NS","TTL":300,"ResourceRecords":[{"Value":"ns-140.awsdns-17.com."},{"Value":"ns-708.awsdns-24.net."},{"Value":"ns-1220.awsdns-24.org."},{"Value":"ns-1938.awsdns-50.co.uk."}]}},{"Action":"UPSERT","ResourceRecordSet":{"Name":"_3b73bed562488fc3ef36805a65dd3935.api.example.com.","Type":"CNAME","TTL":300,"ResourceRecords":[{"Value":"_3a892647f7077cc2cac9c965d0c51715.kodkhjmrpb.acm-validations.aws."}]}}]}'

# Account 222222222222 (Account B (api team))
ZONE_API_EXAMPLE_COM=$(aws route53 create-hosted-zone --name api.example.com --caller-reference unique-string-1795867200 --query HostedZone.Id --output text)
aws route53 change-resource-record-sets --hosted-zone-id "$ZONE_API_EXAMPLE_COM" --change-batch '{"Comment":"Delegation Lab: the record sets of api.example.com.","Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com.","Type":"A","TTL":300,"ResourceRecords":[{"Value":"192.0.2.10"}]}},{"Action":"UPSERT","ResourceRecordSet":{"Name":"www.api.example.com.","Type":"CNAME","TTL":300,"ResourceRecords":[{"Value":"api.example.com."}]}}]}'
# ACM gives the new certificate its own validation records: create those it lists.
aws acm request-certificate --region us-east-1 --domain-name '*.api.example.com' --validation-method DNS
