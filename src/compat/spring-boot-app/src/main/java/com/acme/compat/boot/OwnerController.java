package com.acme.compat.boot;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code POST /owners} creates an owner and redirects to its page, as Spring PetClinic does: every
 * new owner is a new view name ({@code redirect:/owners/17}), which Spring MVC's view resolver caches
 * in its own bounded caches.
 */
@Controller
public class OwnerController {

    private final AtomicLong ids = new AtomicLong();

    @PostMapping("/owners")
    public String create() {
        return "redirect:/owners/" + ids.incrementAndGet();
    }
}
