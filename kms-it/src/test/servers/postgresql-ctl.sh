#!/usr/bin/env bash
# Stops or starts the local PostgreSQL cluster (the database-outage test): postgresql-ctl.sh stop|start
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$version" main "$1"; else sudo pg_ctlcluster "$version" main "$1"; fi
