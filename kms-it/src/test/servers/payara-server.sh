#!/usr/bin/env bash
# Payara Server 6 for the EAR, as an administrator would set it up (README, "Production"): the PostgreSQL driver,
# the pool and the JDBC resource jdbc/kms, Hibernate's JTA platform, and the KMS settings as system properties.
# Usage: payara-server.sh <payara home> <driver jar> <pg url> <user> <password> <master key file>
set -euo pipefail
home=$1 driver=$2 url=$3 user=$4 password=$5 masterKey=$6
asadmin="$home/bin/asadmin"
"$asadmin" start-domain domain1
trap '"$asadmin" stop-domain domain1' EXIT
"$asadmin" add-library --type common "$driver"
# validated connections: after a database restart the pool replaces its dead connections instead of handing them out
"$asadmin" create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
  --restype javax.sql.DataSource --isconnectvalidatereq=true --validationmethod=meta-data --failconnection=true \
  --property "user=$user:password=$password:url=${url//:/\\:}" kms-pool
"$asadmin" create-jdbc-resource --connectionpoolid kms-pool jdbc/kms
"$asadmin" ping-connection-pool kms-pool
"$asadmin" create-jvm-options \
  '-Dhibernate.transaction.jta.platform=org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform'
"$asadmin" create-system-properties "kms.secret-lock.key-path=${masterKey//:/\\:}"
