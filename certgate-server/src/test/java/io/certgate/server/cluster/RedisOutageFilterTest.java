package io.certgate.server.cluster;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session saves the session when the answer is flushed and once more after the request (the
 * second save asks Redis whether the session still exists). With Redis gone by then, the save fails
 * after a 200 was written: the filter must still answer a whole 503. Before the API answers were
 * held back, the 200 had already gone out and the client got a cut connection (RedisFaultIT).
 */
class RedisOutageFilterTest {

  @RestController
  static final class Answering {
    /**
     * Writes and flushes its answer, as Spring MVC's message converters do (on Tomcat a commit).
     */
    @GetMapping("/api/session")
    void answer(HttpServletResponse response) throws IOException {
      response.setContentType("application/json");
      response.getWriter().write("{\"user\":\"somebody\"}");
      response.flushBuffer();
    }
  }

  /** Stands in for Spring Session's filter: its save after the request fails. */
  static final class SavesAfterTheRequest extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
      throw new RedisConnectionFailureException("Unable to connect to Redis");
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Answering())
          .addFilters(new RedisOutageFilter(), new SavesAfterTheRequest())
          .build();

  @Test
  void aSessionSaveFailingAfterTheAnswerWasWrittenIsAWhole503() throws Exception {
    mvc.perform(get("/api/session"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith("application/json"))
        .andExpect(jsonPath("$.error").value("INTERNAL"))
        .andExpect(jsonPath("$.message").value(RedisOutage.MESSAGE));
  }
}
