package dev.entrasync.internal.graph;

import dev.entrasync.GraphPermission;
import java.util.Arrays;
import java.util.List;

/** The claim values of permissions that allow a request, least privileged first, for {@link GraphRequest#permissions()}. */
final class PermissionNames {

    private PermissionNames() {}

    static List<String> of(GraphPermission... permissions) {
        return Arrays.stream(permissions).map(GraphPermission::value).toList();
    }
}
