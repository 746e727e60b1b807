#!/usr/bin/env bash
# Makes the certificates Kafka needs for TLS in this compose deployment, with nothing but the JDK's keytool (no
# openssl): a certificate authority of the clinic's own, a keystore for each broker (kafka-1..3, their names and
# localhost in the certificate) and one for each client (the seven deployables and the admin tool that creates the
# topics), each client's certificate naming it, so the brokers, which require a client certificate, know who connects.
#
#   cd deploy/compose && ./kafka-tls.sh          # once, before the first `docker compose up`; reads .env
#   ./kafka-tls.sh --renew                       # new keys and certificates under the same authority, then restart
#
# Output, in kafka-tls/ (git-ignored; never commit it): ca/ (the authority's key: keep it offline after running this),
# and per container a folder with keystore.p12 and truststore.p12 (the authority's certificate only); the brokers'
# folders also hold password (the apache/kafka image reads the stores' password from files), and theirs and admin's
# client.properties (how the healthcheck and kafka-topics connect). Every store is PKCS12 and protected by
# KAFKA_TLS_PASSWORD from .env; the files are readable by the containers' users (the services run as uid 65532, the
# brokers as 1000), so keep this folder on a host only operators log into.
set -euo pipefail
cd "$(dirname "$0")"

KEYTOOL="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"
OUT=kafka-tls
DAYS="${KAFKA_TLS_VALIDITY_DAYS:-825}"
BROKERS=(kafka-1 kafka-2 kafka-3)
CLIENTS=(admin booking-service records-service consent-service marketing-service rights-request-service gateway web)

PASSWORD="${KAFKA_TLS_PASSWORD:-}"
if [[ -z "$PASSWORD" && -f .env ]]; then
  PASSWORD="$(sed -n 's/^KAFKA_TLS_PASSWORD=//p' .env | tail -n 1)"
fi
if (( ${#PASSWORD} < 16 )); then
  echo "KAFKA_TLS_PASSWORD (in .env or the environment) must be set, at least 16 characters: openssl rand -hex 32" >&2
  exit 1
fi
RENEW=false
[[ "${1:-}" == "--renew" ]] && RENEW=true

umask 022
mkdir -p "$OUT/ca"
chmod 700 "$OUT/ca"
if [[ ! -f "$OUT/ca/ca.p12" ]]; then
  if [[ -f "$OUT/ca/ca.crt" ]]; then
    echo "$OUT/ca/ca.p12 is missing: put the authority's keystore back (or remove $OUT/ to start over)" >&2
    exit 1
  fi
  "$KEYTOOL" -genkeypair -alias ca -dname "CN=Alluris Kafka CA" -keyalg RSA -keysize 3072 -validity 3650 \
    -ext BasicConstraints:critical=ca:true -ext KeyUsage:critical=keyCertSign,cRLSign \
    -keystore "$OUT/ca/ca.p12" -storetype PKCS12 -storepass "$PASSWORD"
  "$KEYTOOL" -exportcert -rfc -alias ca -keystore "$OUT/ca/ca.p12" -storepass "$PASSWORD" > "$OUT/ca/ca.crt"
fi

# issue NAME SAN EXTENDED_KEY_USAGE: a key and a certificate signed by the authority, in NAME/keystore.p12
issue() {
  local name="$1" san="$2" usage="$3" dir="$OUT/$1"
  if [[ -f "$dir/keystore.p12" && "$RENEW" == false ]]; then
    return
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  "$KEYTOOL" -genkeypair -alias "$name" -dname "CN=$name" -keyalg RSA -keysize 2048 -validity "$DAYS" \
    -keystore "$dir/keystore.p12" -storetype PKCS12 -storepass "$PASSWORD"
  "$KEYTOOL" -certreq -alias "$name" -keystore "$dir/keystore.p12" -storepass "$PASSWORD" \
    | "$KEYTOOL" -gencert -alias ca -keystore "$OUT/ca/ca.p12" -storepass "$PASSWORD" -validity "$DAYS" -rfc \
        -ext "SubjectAlternativeName=$san" -ext KeyUsage:critical=digitalSignature,keyEncipherment \
        -ext "ExtendedKeyUsage=$usage" > "$dir/$name.crt"
  "$KEYTOOL" -importcert -noprompt -alias ca -file "$OUT/ca/ca.crt" -keystore "$dir/keystore.p12" -storepass "$PASSWORD"
  "$KEYTOOL" -importcert -noprompt -alias "$name" -file "$dir/$name.crt" -keystore "$dir/keystore.p12" \
    -storepass "$PASSWORD"
  "$KEYTOOL" -importcert -noprompt -alias ca -file "$OUT/ca/ca.crt" -keystore "$dir/truststore.p12" \
    -storetype PKCS12 -storepass "$PASSWORD"
  rm "$dir/$name.crt"
}

# what the Kafka command-line tools in a container with NAME's folder at /etc/kafka/secrets connect with
tool_properties() {
  printf '%s\n' "security.protocol=SSL" \
    "ssl.truststore.location=/etc/kafka/secrets/truststore.p12" "ssl.truststore.type=PKCS12" \
    "ssl.truststore.password=$PASSWORD" "ssl.keystore.location=/etc/kafka/secrets/keystore.p12" \
    "ssl.keystore.type=PKCS12" "ssl.keystore.password=$PASSWORD" "ssl.key.password=$PASSWORD" \
    > "$OUT/$1/client.properties"
}

for broker in "${BROKERS[@]}"; do
  issue "$broker" "dns:$broker,dns:localhost" serverAuth,clientAuth
  printf '%s' "$PASSWORD" > "$OUT/$broker/password"
  tool_properties "$broker"     # the healthcheck
done
for client in "${CLIENTS[@]}"; do
  issue "$client" "dns:$client" clientAuth
done
tool_properties admin           # kafka-topics
chmod -R a+rX "$OUT"
chmod -R go-rwx "$OUT/ca"
echo "Kafka TLS material in $(pwd)/$OUT; move $OUT/ca/ca.p12 offline until the next renewal."
