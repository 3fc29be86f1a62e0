// The report form in steps, with JavaScript only (issue 16, the forms).
//
// The page marks each part of the form with data-step="n" and renders, hidden, a progress block
// (#form-steps: a heading and an <ol> of the step names) and Next and Back buttons (#step-buttons). This module
// shows one step at a time, says "Step 2 of 4" with aria-current="step" on the list, checks a step before moving
// on (with the caller's check, the same rules and error summary as Send) and moves the focus to the step heading.
// Without JavaScript none of this runs and the form is one page.

export class FormSteps {
  /**
   * @param {HTMLFormElement} form
   * @param {{ check: (parts: Element[]) => boolean, leave: () => void }} hooks check shows the step's problems
   *   and says whether it may be left; leave is called when a step is left (to clear old errors)
   */
  constructor(form, hooks) {
    this.form = form;
    this.hooks = hooks;
    this.progress = form.querySelector("#form-steps");
    this.heading = form.querySelector("#step-heading");
    this.buttons = form.querySelector("#step-buttons");
    this.next = form.querySelector("#step-next");
    this.back = form.querySelector("#step-back");
    this.names = this.progress ? [...this.progress.querySelectorAll("li[data-step-name]")] : [];
    this.count = this.names.length;
    this.current = 1;
  }

  /** Takes the form over; false when the page has no steps. */
  start() {
    if (!this.progress || !this.heading || !this.buttons || !this.next || !this.back || this.count < 2) {
      return false;
    }
    this.progress.hidden = false;
    this.buttons.hidden = false;
    this.next.addEventListener("click", () => this.forward());
    this.back.addEventListener("click", () => this.show(this.current - 1, true));
    this.show(1, false);
    return true;
  }

  /** The parts of step n. */
  parts(n) {
    return [...this.form.querySelectorAll(`[data-step="${n}"]`)];
  }

  get onLast() {
    return this.current === this.count;
  }

  /** The step that shows an element; 0 when it is in none. */
  stepOf(element) {
    const part = element instanceof Element ? element.closest("[data-step]") : null;
    return part ? Number(part.getAttribute("data-step")) || 0 : 0;
  }

  /** Checks the step shown, and goes on to the next when it is fine. */
  forward() {
    if (this.current >= this.count || !this.hooks.check(this.parts(this.current))) {
      return;
    }
    this.hooks.leave();
    this.show(this.current + 1, true);
  }

  /** Shows the step holding an element (an error summary's link, a server's error), without checking. */
  showStepOf(element) {
    const step = this.stepOf(element);
    if (step > 0 && step !== this.current) {
      this.show(step, false);
    }
  }

  show(n, focus) {
    const step = Math.max(1, Math.min(this.count, n));
    this.current = step;
    this.form.dataset.currentStep = String(step);
    for (const part of this.form.querySelectorAll("[data-step]")) {
      part.hidden = Number(part.getAttribute("data-step")) !== step;
    }
    this.names.forEach((item, i) => {
      if (i + 1 === step) {
        item.setAttribute("aria-current", "step");
      } else {
        item.removeAttribute("aria-current");
      }
      item.classList.toggle("step-done", i + 1 < step);
    });
    const progress = (this.progress.dataset.msgProgress ?? "{0}/{1}").replace("{0}", String(step)).replace("{1}", String(this.count));
    this.heading.textContent = `${progress}: ${this.names[step - 1].textContent.trim()}`;
    this.back.hidden = step === 1;
    this.next.hidden = step === this.count;
    if (focus) {
      this.heading.focus();
      this.heading.scrollIntoView({ block: "start" });
    }
  }
}
