#!/bin/sh
# The Temporal schema on PostgreSQL, as Temporal's own auto-setup does it: `create` (an existing database is fine),
# `setup-schema -v 0.0` (creates the version tables if missing, never lowers a version) and `update-schema` (applies
# only newer versions). No error text is parsed, so a fresh volume, a database the postgres image already created and
# an up-to-date schema all take the same path; any failure stops the step and Temporal does not start.
# Run by docker-compose.yml (service temporal-schema) and by test/production (the very same file).
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
DB_PORT=${DB_PORT:-5432}
SCHEMA_DIR=${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}
SQL_TOOL=${SQL_TOOL:-temporal-sql-tool}

tool() { "$SQL_TOOL" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"; }

schema() {
  db=$1
  dir=$SCHEMA_DIR/$2/versioned
  tool --db "$db" create
  tool --db "$db" setup-schema -v 0.0
  tool --db "$db" update-schema -d "$dir"
  echo "$db: schema up to date"
}

schema "${DBNAME:-temporal}" temporal
schema "${VISIBILITY_DBNAME:-temporal_visibility}" visibility
