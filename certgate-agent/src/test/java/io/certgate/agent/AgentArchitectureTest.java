package io.certgate.agent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.certgate.agent.token.KeyOperation;
import io.certgate.agent.token.TokenCertificate;
import io.certgate.agent.token.TokenInfo;
import io.certgate.agent.token.TokenKind;
import io.certgate.agent.token.TokenSnapshot;
import io.certgate.agent.token.Tokens;
import java.security.KeyStore;
import java.security.PrivateKey;

/**
 * The agent's HTTP layer (DESIGN §4, what a web page can reach) sees tokens only through the token
 * package's API: never a key source, a PKCS#11 module, a key store or a private key.
 */
@AnalyzeClasses(
    packages = "io.certgate.agent",
    importOptions = ImportOption.DoNotIncludeTests.class)
class AgentArchitectureTest {

  @ArchTest
  static final ArchRule httpUsesOnlyTheTokenApi =
      noClasses()
          .that()
          .resideInAPackage("io.certgate.agent.http..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.certgate.agent.token..")
                  .and(
                      not(
                          belongToAnyOf(
                              Tokens.class,
                              TokenSnapshot.class,
                              TokenCertificate.class,
                              TokenInfo.class,
                              TokenKind.class,
                              KeyOperation.class))));

  @ArchTest
  static final ArchRule httpNeverTouchesKeys =
      noClasses()
          .that()
          .resideInAPackage("io.certgate.agent.http..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage("sun.security.pkcs11..")
                  .or(belongToAnyOf(KeyStore.class, PrivateKey.class)));
}
