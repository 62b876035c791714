package io.certgate.server.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the advice answers the ways a database outage surfaces in a request. Seen for real in
 * PostgresRestartIT: a bind whose transaction was open when PostgreSQL stopped fails its rollback
 * on the closed connection, and Spring reports that as a {@link TransactionSystemException}, which
 * used to fall through to a 500.
 */
class DatabaseOutageAnswerTest {

  @RestController
  static final class Failing {
    @GetMapping("/query")
    String query() {
      throw new CannotGetJdbcConnectionException(
          "Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001"));
    }

    @GetMapping("/begin")
    String begin() {
      throw new CannotCreateTransactionException(
          "Could not open JDBC Connection for transaction", new SQLException("timeout", "08001"));
    }

    @GetMapping("/rollback")
    String rollback() {
      throw new TransactionSystemException(
          "JDBC rollback failed", new SQLException("Connection is closed", "08003"));
    }

    @GetMapping("/bug")
    String bug() {
      throw new IllegalStateException("a genuine server fault");
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing())
          .setControllerAdvice(new ApiErrorAdvice())
          .build();

  @Test
  void aQueryWithoutAConnectionIsA503() throws Exception {
    expectDatabaseOutage("/query");
  }

  @Test
  void aTransactionThatCannotBeginIsA503() throws Exception {
    expectDatabaseOutage("/begin");
  }

  @Test
  void aRollbackOnAConnectionTheDatabaseClosedIsA503() throws Exception {
    expectDatabaseOutage("/rollback");
  }

  @Test
  void aGenuineFaultIsStillA500WithoutDetail() throws Exception {
    mvc.perform(get("/bug"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error").value("INTERNAL"))
        .andExpect(jsonPath("$.message").value("服务器内部错误"));
  }

  private void expectDatabaseOutage(String path) throws Exception {
    mvc.perform(get(path))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value("INTERNAL"))
        .andExpect(jsonPath("$.message").value("数据库暂不可用,请稍后再试"))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SQL"))));
  }
}
