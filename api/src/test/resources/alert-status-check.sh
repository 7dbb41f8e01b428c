#!/bin/bash
# The alert seed's bash client for cron jobs or monitoring, unchanged except that the address and
# the key come from the environment instead of being written into the script.

API_URL="${API_URL:?set API_URL, e.g. http://your-server:8000/api/v1/alert-status}"
API_KEY="${API_KEY:?set API_KEY to an Argus API key}"

response=$(curl -s -H "x-api-key: $API_KEY" "$API_URL")
alert=$(echo "$response" | jq -r '.alert')
count=$(echo "$response" | jq -r '.failing_count')

if [ "$alert" = "true" ]; then
    echo "ALERT: $count targets are down"
    echo "$response" | jq -r '.failing_targets[] | "- \(.name): \(.failures)/\(.threshold) failures"'
    exit 1
else
    echo "OK: All systems operational"
    exit 0
fi
