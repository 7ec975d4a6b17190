#!/usr/bin/env bash
# Static checks of the production shape: compose file, Prometheus config and rules (with their
# unit tests), Alertmanager config. Needs promtool, amtool and docker-compose (Debian packages
# prometheus, prometheus-alertmanager, docker-compose).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
promtool check config ops/prometheus/prometheus.yml
promtool check rules ops/prometheus/rules.yml
promtool test rules ops/prometheus/rules.test.yml
amtool check-config ops/alertmanager/alertmanager.yml
python3 -m json.tool ops/grafana/dashboards/media-monitor.json >/dev/null
docker-compose -f docker-compose.yml config -q
echo "ops checks: compose, prometheus config, rules, rule tests, alertmanager config, dashboard JSON all valid"
