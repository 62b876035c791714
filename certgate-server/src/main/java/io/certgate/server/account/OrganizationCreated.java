package io.certgate.server.account;

/** A platform administrator created an organisation. */
public record OrganizationCreated(long id, String name, String creditCode, String actor) {}
