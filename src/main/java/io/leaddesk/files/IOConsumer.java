package io.leaddesk.files;

import java.io.IOException;

/** A consumer that may throw {@link IOException}: the body that writes a file's content. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T t) throws IOException;
}
