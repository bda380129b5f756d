package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.model.EntraRecord;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API never shows an internal type: no public or protected constructor, method or field of a public type in
 * entra-sync-core's non-internal packages, nor such a type's supertypes, mention a type of an {@code internal}
 * package, generics included. Checked by reflection on the compiled main classes (core's class directory).
 */
class PublicSignaturesTest {

    private static List<Class<?>> api;

    @BeforeAll
    static void loadTheApi() throws IOException, URISyntaxException {
        Path classes = Path.of(EntraRecord.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(classes::relativize)
                    .filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(PublicSignaturesTest::className)
                    .filter(name -> !isInternal(packageOf(name)))
                    .forEach(names::add);
        }
        api = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, PublicSignaturesTest.class.getClassLoader());
                if (isVisible(type)) {
                    api.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError("cannot load " + name, e);
            }
        }
    }

    @Test
    void theApiIsFound() {
        assertThat(api)
                .contains(
                        EntraRecord.class,
                        dev.entrasync.runtime.EntraSync.class,
                        dev.entrasync.onboarding.Onboarding.class,
                        dev.entrasync.onboarding.Onboarding.Builder.class,
                        dev.entrasync.mail.MailSender.class)
                .allMatch(type -> !isInternal(type.getPackageName()));
    }

    @Test
    void noPublicSignatureMentionsAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : api) {
            if (mentionsInternal(type.getGenericSuperclass())) {
                leaks.add(type.getName() + " extends "
                        + type.getGenericSuperclass().getTypeName());
            }
            for (Type implemented : type.getGenericInterfaces()) {
                if (mentionsInternal(implemented)) {
                    leaks.add(type.getName() + " implements " + implemented.getTypeName());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                check(type, constructor, leaks);
            }
            for (Method method : type.getDeclaredMethods()) {
                check(type, method, leaks);
            }
            for (Field field : type.getDeclaredFields()) {
                if (isApi(field.getModifiers()) && !field.isSynthetic() && mentionsInternal(field.getGenericType())) {
                    leaks.add(type.getName() + "." + field.getName() + ": "
                            + field.getGenericType().getTypeName());
                }
            }
        }

        assertThat(leaks).as("public signatures that mention an internal type").isEmpty();
    }

    private static void check(Class<?> type, Executable executable, List<String> leaks) {
        if (!isApi(executable.getModifiers()) || executable.isSynthetic()) {
            return;
        }
        List<Type> mentioned = new ArrayList<>(List.of(executable.getGenericParameterTypes()));
        mentioned.addAll(List.of(executable.getGenericExceptionTypes()));
        mentioned.addAll(List.of(executable.getTypeParameters()));
        if (executable instanceof Method method) {
            mentioned.add(method.getGenericReturnType());
        }
        if (mentioned.stream().anyMatch(PublicSignaturesTest::mentionsInternal)) {
            leaks.add(type.getName() + ": " + executable.toGenericString());
        }
    }

    /** Public or protected: what a host can call or override. */
    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** A public type, nested only in public types, so a host can name it. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsInternal(Type type) {
        return mentionsInternal(type, new HashSet<>());
    }

    private static boolean mentionsInternal(Type type, Set<TypeVariable<?>> seen) {
        if (type == null) {
            return false;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            return !c.isPrimitive() && isInternal(c.getPackageName());
        }
        if (type instanceof ParameterizedType p) {
            return mentionsInternal(p.getRawType(), seen)
                    || mentionsInternal(p.getOwnerType(), seen)
                    || Stream.of(p.getActualTypeArguments()).anyMatch(a -> mentionsInternal(a, seen));
        }
        if (type instanceof WildcardType w) {
            return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .anyMatch(b -> mentionsInternal(b, seen));
        }
        if (type instanceof GenericArrayType g) {
            return mentionsInternal(g.getGenericComponentType(), seen);
        }
        if (type instanceof TypeVariable<?> v) {
            return seen.add(v) && Stream.of(v.getBounds()).anyMatch(b -> mentionsInternal(b, seen));
        }
        return false;
    }

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** {@code dev/entrasync/mail/MailSender.class} → {@code dev.entrasync.mail.MailSender}. */
    private static String className(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        String name = String.join(".", parts);
        return name.substring(0, name.length() - ".class".length());
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
