using Microsoft.Playwright;

namespace Intake.Tests.Infrastructure;

/// <summary>What a page looks like in the browser, measured: overflow, rows of controls, visible columns, broken words.</summary>
public static class PageLayout
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>How many pixels the page is wider than the window (0 or less: no sideways scrolling).</summary>
    public static Task<int> PageOverflowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /// <summary>How many pixels the element's content is wider than its box (0 or less: it fits).</summary>
    public static Task<int> OverflowAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<int>("s => { const e = document.querySelector(s); return e.scrollWidth - e.clientWidth; }", selector);
    }

    /// <summary>Whether the element's visible children all share one line (each overlaps every other vertically).</summary>
    public static Task<bool> ChildrenOnOneRowAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>(
            """
            s => {
              const boxes = [...document.querySelector(s).children]
                .filter(c => c.getClientRects().length > 0 && getComputedStyle(c).display !== 'none' && c.type !== 'hidden')
                .map(c => c.getBoundingClientRect());
              return boxes.every(a => boxes.every(b => a.top < b.bottom && b.top < a.bottom));
            }
            """,
            selector);
    }

    /// <summary>The texts of the header cells a user can see in the table.</summary>
    public static Task<string[]> VisibleHeadersAsync(IPage page, string tableSelector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string[]>(
            "s => [...document.querySelectorAll(s + ' thead th')].filter(c => c.getClientRects().length > 0).map(c => c.textContent.trim())",
            tableSelector);
    }

    /// <summary>The form controls (not hidden inputs) in the element that have no label.</summary>
    public static Task<string[]> UnlabelledControlsAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string[]>(
            "s => [...document.querySelectorAll(s + ' input:not([type=hidden]), ' + s + ' select, ' + s + ' textarea')].filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.name || c.id)",
            selector);
    }

    /// <summary>
    /// The words inside the element that the browser drew over more than one line (broken mid-word). Each word is
    /// measured as a range: a word on one line has one client rectangle.
    /// </summary>
    public static Task<string[]> BrokenWordsAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string[]>(
            """
            s => {
              const broken = [];
              for (const root of document.querySelectorAll(s)) {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (node.parentElement.getClientRects().length === 0) continue;
                  const re = /\S+/g;
                  let m;
                  while ((m = re.exec(node.data)) !== null) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (lines.size > 1) broken.push(m[0]);
                  }
                }
              }
              return broken;
            }
            """,
            selector);
    }

    /// <summary>Whether the first element's box lies wholly left of the second's and the two share some height (side by side).</summary>
    public static Task<bool> SideBySideAsync(IPage page, string leftSelector, string rightSelector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>(
            """
            ([l, r]) => {
              const a = document.querySelector(l).getBoundingClientRect();
              const b = document.querySelector(r).getBoundingClientRect();
              return a.width > 0 && b.width > 0 && a.right <= b.left && a.top < b.bottom && b.top < a.bottom;
            }
            """,
            new[] { leftSelector, rightSelector });
    }

    /// <summary>Whether the elements' boxes are stacked in one column, each as wide as the first and below the one before.</summary>
    public static Task<bool> OneColumnAsync(IPage page, params string[] selectors)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>(
            """
            s => {
              const boxes = s.map(x => document.querySelector(x).getBoundingClientRect());
              return boxes.every((b, i) => Math.abs(b.left - boxes[0].left) < 1 && Math.abs(b.width - boxes[0].width) < 1
                && (i === 0 || b.top >= boxes[i - 1].bottom - 1));
            }
            """,
            selectors);
    }

    /// <summary>Whether the element is wholly inside the window as it is scrolled now.</summary>
    public static Task<bool> InViewAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>(
            "s => { const b = document.querySelector(s).getBoundingClientRect(); return b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight; }",
            selector);
    }

    /// <summary>
    /// Whether the select shows its longest option whole: the option's text, measured in the select's font, fits
    /// inside the box less its padding and the drop-down arrow.
    /// </summary>
    public static Task<bool> SelectShowsWholeOptionsAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>(
            """
            s => {
              const select = document.querySelector(s);
              const style = getComputedStyle(select);
              const context = document.createElement('canvas').getContext('2d');
              context.font = style.font;
              const widest = Math.max(...[...select.options].map(o => context.measureText(o.text).width));
              const arrow = style.appearance === 'none' ? 0 : 20;
              return widest <= select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
            }
            """,
            selector);
    }
}
