#!/usr/bin/env bash
# A provider PKI made only with the openssl command line (OpenSSL 3.0), as an outside party would:
#   openssl-pki.sh DIR rsa|p256|sm2 OCSP_PORT
# writes into DIR: root.crt -> ca.crt (issuing CA) -> user.crt (signature: digitalSignature,
# nonRepudiation), revoked.crt (revoked by ca), enc.crt (encryption only), ocsp.crt (delegated OCSP
# signer), each with its .key; root.crl and ca.crl from `openssl ca -gencrl`; ca/index.txt for
# `openssl ocsp`. CA certificates are valid 2020-2099; end-entity certificates 30 days from now.
# Certificates point their OCSP access at http://127.0.0.1:OCSP_PORT.
set -euo pipefail
dir=$1 kind=$2 ocsp_port=$3
cd "$dir"

case $kind in
  rsa)  keyopts=(-algorithm RSA -pkeyopt rsa_keygen_bits:2048); md=sha256; sigopts=(); vfyopts=()
        enc_usage=keyEncipherment,dataEncipherment ;;
  p256) keyopts=(-algorithm EC -pkeyopt ec_paramgen_curve:P-256); md=sha256; sigopts=(); vfyopts=()
        enc_usage=keyAgreement ;;
  sm2)  keyopts=(-algorithm EC -pkeyopt ec_paramgen_curve:sm2); md=sm3
        # GB/T 35276: SM2 signs with the default ID 1234567812345678, also when checking a CSR.
        sigopts=(-sigopt distid:1234567812345678); vfyopts=(-vfyopt distid:1234567812345678)
        enc_usage=keyAgreement,keyEncipherment,dataEncipherment ;;
  *) echo "unknown kind $kind" >&2; exit 2 ;;
esac

cat > ca.cnf <<CNF
[ ca ]
default_ca = CA_default
[ CA_default ]
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
crlnumber = ./crlnumber
default_md = $md
policy = policy_any
unique_subject = no
default_crl_days = 30
[ policy_any ]
commonName = supplied
organizationName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ v3_sign ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = clientAuth,emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://127.0.0.1:$ocsp_port
[ v3_enc ]
basicConstraints = critical,CA:false
keyUsage = critical,$enc_usage
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://127.0.0.1:$ocsp_port
[ v3_ocsp ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF

for ca in root ca; do
  mkdir -p $ca/newcerts; : > $ca/index.txt; echo 01 > $ca/crlnumber
done
echo 01 > root/serial
echo 1000 > ca/serial

request() { # name subject
  openssl genpkey "${keyopts[@]}" -out "$1.key" 2>/dev/null
  openssl req -new -config ca.cnf -key "$1.key" -subj "$2" "-$md" "${sigopts[@]}" -out "$1.csr"
}
sign() { # ca-dir ca-name request extensions validity...
  local ca=$1 issuer=$2 name=$3 ext=$4; shift 4
  (cd "$ca" && openssl ca -batch -notext -config ../ca.cnf -cert "../$issuer.crt" \
      -keyfile "../$issuer.key" -in "../$name.csr" -out "../$name.crt" -extensions "$ext" \
      -md "$md" "${sigopts[@]}" "${vfyopts[@]}" "$@" 2>/dev/null)
}

request root "/CN=OpenSSL $kind Root/O=CertGate Interop"
(cd root && openssl ca -batch -notext -config ../ca.cnf -selfsign -keyfile ../root.key \
    -in ../root.csr -out ../root.crt -extensions v3_ca -startdate 20200101000000Z \
    -enddate 20991231000000Z -md "$md" "${sigopts[@]}" "${vfyopts[@]}" 2>/dev/null)
request ca "/CN=OpenSSL $kind Issuing CA/O=CertGate Interop"
sign root root ca v3_ca -startdate 20200101000000Z -enddate 20991231000000Z

request user "/CN=OpenSSL $kind User/O=CertGate Interop"
sign ca ca user v3_sign -days 30
request revoked "/CN=OpenSSL $kind Revoked/O=CertGate Interop"
sign ca ca revoked v3_sign -days 30
request enc "/CN=OpenSSL $kind Encryption/O=CertGate Interop"
sign ca ca enc v3_enc -days 30
request ocsp "/CN=OpenSSL $kind OCSP Responder/O=CertGate Interop"
sign ca ca ocsp v3_ocsp -days 30

(cd ca && openssl ca -config ../ca.cnf -cert ../ca.crt -keyfile ../ca.key -revoke ../revoked.crt \
    -crl_reason keyCompromise -md "$md" "${sigopts[@]}" 2>/dev/null)
(cd ca && openssl ca -config ../ca.cnf -cert ../ca.crt -keyfile ../ca.key -gencrl -out ../ca.crl \
    -md "$md" "${sigopts[@]}" 2>/dev/null)
(cd root && openssl ca -config ../ca.cnf -cert ../root.crt -keyfile ../root.key -gencrl \
    -out ../root.crl -md "$md" "${sigopts[@]}" 2>/dev/null)
rm -f ./*.csr
