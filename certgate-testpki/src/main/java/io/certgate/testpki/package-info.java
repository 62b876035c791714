/** Test and demo PKI: provider hierarchies, user certificates, CRL and OCSP responders. */
package io.certgate.testpki;
