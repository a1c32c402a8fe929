package io.mychecks.http.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mychecks.core.Appliance;
import io.mychecks.core.operator.AccountService.IssuedKeys;
import io.mychecks.core.settings.SettingsLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mychecks apikeys}: prints a project's keys as JSON, creating what is missing. */
@Command(
        name = "apikeys",
        mixinStandardHelpOptions = true,
        description = {
            "Print a project's API keys and ping key as JSON, creating the project and missing keys.",
            "Keys are stored hashed: a key that already exists prints as null unless --rotate replaces it."
        })
final class ApiKeysCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--email", required = true, description = "the project owner's email")
    String email;

    @Option(names = "--project", description = "project name (default: the owner's first project)")
    String project;

    @Option(names = "--rotate", description = "replace the existing API keys with new ones")
    boolean rotate;

    @Override
    public Integer call() throws Exception {
        try (Appliance app = Appliance.open(SettingsLoader.load())) {
            IssuedKeys keys = app.accounts().issueKeys(email, project, rotate);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("project", keys.project());
            json.put("api_key", keys.apiKey());
            json.put("api_key_readonly", keys.apiKeyReadonly());
            json.put("ping_key", keys.pingKey());
            spec.commandLine()
                    .getOut()
                    .println(
                            new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(json));
        } catch (IllegalArgumentException e) {
            throw new Mychecks.FailureException(e.getMessage());
        }
        return 0;
    }
}
