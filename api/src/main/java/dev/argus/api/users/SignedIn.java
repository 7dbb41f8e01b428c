package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.signin.Role;
import java.util.List;

/** Who is signed in, with the scopes their role stands for (the answer of login and me). */
record SignedIn(
    @JsonProperty("username") String username,
    @JsonProperty("role") Role role,
    @JsonProperty("scopes") List<String> scopes) {}
