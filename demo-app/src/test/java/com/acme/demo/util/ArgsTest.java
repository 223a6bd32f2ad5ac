package com.acme.demo.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static final Set<String> OPTIONS = Set.of("rate", "ttl", "mode");
    private static final Set<String> FLAGS = Set.of("load");

    @Test
    void readsSpacedAndEqualsFormsAndFlags() {
        Args args = Args.parse(new String[] {"--rate", "250", "--ttl=500ms", "--load"}, OPTIONS, FLAGS);

        assertThat(args.decimal("rate", 0)).isEqualTo(250.0);
        assertThat(args.duration("ttl", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(args.flag("load")).isTrue();
        assertThat(args.string("mode", "leaky")).isEqualTo("leaky");
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> Args.parse(new String[] {"--nope"}, OPTIONS, FLAGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
        Args args = Args.parse(new String[] {"--rate", "abc"}, OPTIONS, FLAGS);
        assertThatThrownBy(() -> args.decimal("rate", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
    }
}
