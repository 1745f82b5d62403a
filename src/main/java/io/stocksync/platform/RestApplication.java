package io.stocksync.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "stocksync", version = "v1",
        description = "Keeps every product's stock level identical across a shop's sales channels."))
@LoginConfig(authMethod = "MP-JWT", realmName = "stocksync")
public class RestApplication extends Application {}
