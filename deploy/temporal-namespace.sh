#!/bin/sh
# The namespace and our search attributes (SEARCH_ATTRIBUTES: `Name:Type ...`, equal to common/constants.ts; the
# deploy test checks), each created only where missing. A fresh namespace is not visible to every frontend call at
# once (`Namespace default is not found.` for a few seconds), so each read is retried a bounded number of times; an
# attribute that exists with another type, or a call still failing after the retries, fails the step and the worker
# does not start. Run by docker-compose.yml (service temporal-admin-tools) and by test/production (the same file).
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${SEARCH_ATTRIBUTES:?}"
TEMPORAL_CLI=${TEMPORAL_CLI:-temporal}
RETENTION=${TEMPORAL_NAMESPACE_RETENTION:-720h}
ATTEMPTS=${DEPLOY_RETRY_ATTEMPTS:-60}
DELAY_S=${DEPLOY_RETRY_DELAY_S:-2}

# retry CMD...: runs CMD until it succeeds, at most $ATTEMPTS times; its output is left in $out.
retry() {
  n=1
  until out=$("$@" 2>&1); do
    if [ "$n" -ge "$ATTEMPTS" ]; then
      echo "$out" >&2
      echo "gave up after $n attempts: $*" >&2
      return 1
    fi
    n=$((n + 1))
    sleep "$DELAY_S"
  done
}

t() { "$TEMPORAL_CLI" "$@"; }

retry t operator cluster health
case "$out" in *SERVING*) ;; *) echo "Temporal is not serving: $out" >&2; exit 1 ;; esac

if t operator namespace describe -n "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $TEMPORAL_NAMESPACE: present"
else
  t operator namespace create -n "$TEMPORAL_NAMESPACE" --retention "$RETENTION"
fi

# Waits until the namespace answers (the read right after a create may not find it yet).
retry t operator search-attribute list -n "$TEMPORAL_NAMESPACE"
existing=$out
for sa in $SEARCH_ATTRIBUTES; do
  name=${sa%%:*}
  type=${sa#*:}
  if echo "$existing" | grep -qiE "^[[:space:]]*$name[[:space:]]+$type[[:space:]]*$"; then
    echo "$name: present"
  elif echo "$existing" | grep -qiE "^[[:space:]]*$name[[:space:]]"; then
    echo "$name exists with another type (want $type)" >&2
    exit 1
  else
    t operator search-attribute create -n "$TEMPORAL_NAMESPACE" --name "$name" --type "$type"
  fi
done
echo "namespace $TEMPORAL_NAMESPACE: ready"
