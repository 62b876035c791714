/**
 * The error contract shared by every CertGate component: {@link io.certgate.core.ErrorCode} and one
 * {@link io.certgate.core.CertGateException} subclass per reason. Holds no validation logic.
 */
@NullMarked
package io.certgate.core;

import org.jspecify.annotations.NullMarked;
