package io.certgate.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of certgate-core, checked on the compiled classes instead of a hand-kept list of
 * names: core needs the JDK and Bouncy Castle only, and the validation packages publish interfaces,
 * builders and values while their implementations stay inside (STYLE.md §3).
 */
@AnalyzeClasses(packages = "io.certgate.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
  private static final String[] VALIDATION = {
    "io.certgate.core.cert..", "io.certgate.core.revocation..", "io.certgate.core.auth.."
  };

  @ArchTest
  static final ArchRule dependsOnTheJdkAndBouncyCastleOnly =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.certgate.core..", "java..", "javax..", "org.bouncycastle..", "org.jspecify..")
          .because("DESIGN §2: certgate-core depends on Bouncy Castle only");

  @ArchTest
  static final ArchRule publicClassesOfValidationAreApiOnly =
      classes()
          .that()
          .resideInAnyPackage(VALIDATION)
          .and()
          .areTopLevelClasses()
          .and()
          .arePublic()
          .and()
          .areNotInterfaces()
          .and()
          .areNotEnums()
          .and()
          .areNotRecords()
          .and()
          .areNotAssignableTo(Throwable.class)
          .should()
          .haveOnlyPrivateConstructors()
          .andShould()
          .haveModifier(JavaModifier.FINAL)
          .because("a public class here is a static utility; implementations stay package-private");

  @ArchTest
  static final ArchRule implementationsArePackagePrivateAndFinal =
      classes()
          .that()
          .resideInAnyPackage(VALIDATION)
          .and()
          .areTopLevelClasses()
          .and()
          .areNotInterfaces()
          .and()
          .areNotEnums()
          .and()
          .areNotRecords()
          .and()
          .doNotHaveModifier(JavaModifier.ABSTRACT)
          .and()
          .haveNameMatching(".*\\.(Default\\w+|\\w+Check)")
          .should()
          .notBePublic()
          .andShould()
          .haveModifier(JavaModifier.FINAL);
}
