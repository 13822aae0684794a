// What a clerk or reviewer does in the console, as steps the tests share. Each step waits for
// the page to show the outcome, the way a person would look before the next click.

import assert from "node:assert/strict";

// Accepts an order through the New order form and returns its id (ORD-...).
export async function acceptOrder(page, {region, ca, business = "new", applicant = "org", channel, name, uscc, extra}) {
  await page.getByRole("link", {name: /^(新建订单|New order)$/}).click();
  await page.getByRole("heading", {name: /^(新建订单|New order)$/}).waitFor();
  await page.locator("select[name=region]").selectOption(region);
  if (ca) await page.locator("select[name=ca]").selectOption(ca);
  await page.locator("select[name=business]").selectOption(business);
  await page.locator("select[name=applicant]").selectOption(applicant);
  if (channel) await page.locator("select[name=channel]").selectOption(channel);
  await page.locator("input[name=name]").fill(name);
  if (uscc) await page.locator("input[name=uscc]").fill(uscc);
  if (extra) await extra(page);
  // The live quote says whether the order can be accepted before the clerk commits to it.
  await page.locator(".quote-panel .verdict").waitFor();
  await page.getByRole("button", {name: /^(受理订单|Accept order)$/}).click();
  await page.waitForURL(/#\/orders\/ORD-/);
  await page.locator("main h1 .state").waitFor();
  return /#\/orders\/(ORD-[A-Za-z0-9-]+)/.exec(page.url())[1];
}

// Opens the order's page afresh (a page left open shows the order as it was when last loaded).
export async function openOrder(page, id) {
  const target = `${new URL(page.url()).origin}/#/orders/${id}`;
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await page.locator("main h1 .state").waitFor();
}

export async function stateOf(page) {
  return (await page.locator("main h1 .state").textContent()).trim();
}

// Clicks an action's button and waits until the order shows `expected` state.
export async function act(page, action, expected, {note} = {}) {
  if (note) await page.locator("textarea[name=note]").fill(note);
  await page.locator(`section.actions button[data-action="${action}"]`).click();
  await waitForState(page, expected);
}

export async function waitForState(page, expected) {
  await page.locator("main h1 .state", {hasText: expected}).waitFor({timeout: 30000});
  assert.equal(await page.locator("p.error[role=alert]").textContent(), "", "the console showed an error");
}

// Ticks off every material as received, one click each.
export async function receiveAllMaterials(page) {
  for (;;) {
    const button = page.locator("ul.material-list button[data-material]").first();
    if (await button.count() === 0) break;
    const code = await button.getAttribute("data-material");
    await button.click();
    await page.locator(`ul.material-list li.received[data-code="${code}"]`).waitFor();
  }
}
