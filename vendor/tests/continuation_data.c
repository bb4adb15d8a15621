/* Tests of JS_GetContinuationData / JS_SetContinuationData (patch
   0002-continuation-data): the value current when a promise reaction is
   registered, or a job enqueued, is current again while it runs. */
#include <stdio.h>
#include <string.h>
#include "quickjs.h"

static JSValue get_data(JSContext *ctx, JSValueConst this_val, int argc,
                        JSValueConst *argv)
{
    return JS_GetContinuationData(ctx);
}

static JSValue set_data(JSContext *ctx, JSValueConst this_val, int argc,
                        JSValueConst *argv)
{
    JS_SetContinuationData(ctx, argc > 0 ? argv[0] : JS_UNDEFINED);
    return JS_UNDEFINED;
}

/* Each case sets globalThis.result; the jobs run to the end first. */
static const struct { const char *name, *source, *expected; } cases[] = {
    { "await resumes with the data of its function",
      "var log = [];"
      "var settle; var p = new Promise(r => { settle = r; });"
      "async function f(tag) { set(tag); await p; log.push(tag + ':' + get());"
      "  await null; log.push(tag + ':' + get()); }"
      "f('a'); f('b'); set('outer'); settle(); set(undefined);"
      "setTimeoutLike(() => { result = log.join(','); });",
      "a:a,b:b,a:a,b:b" },
    { "then callbacks see the data current at then(), not at resolve()",
      "var log = []; var settle; var p = new Promise(r => { settle = r; });"
      "set('x'); p.then(() => log.push('then:' + get())); set('y'); settle();"
      "set('z'); Promise.resolve().then(() => log.push('late:' + get()));"
      "set(undefined);"
      "setTimeoutLike(() => { result = log.join(','); });",
      "then:x,late:z" },
    { "a job's changes end with the job",
      "var log = []; set('keep');"
      "Promise.resolve().then(() => { set('changed'); });"
      "Promise.resolve().then(() => { log.push(get()); });"
      "set(undefined);"
      "setTimeoutLike(() => { log.push(String(get())); result = log.join(','); });",
      "keep,undefined" },
    { "queueMicrotask and thenables capture at enqueue",
      "var log = []; set('q'); queueMicrotask(() => log.push('mt:' + get()));"
      "set('t'); Promise.resolve({ then(r) { log.push('thenable:' + get()); r(); } });"
      "set(undefined);"
      "setTimeoutLike(() => { result = log.join(','); });",
      "mt:q,thenable:t" },
    { "async generators and for await",
      "var log = []; async function* g() { log.push('g:' + get()); await null;"
      "  log.push('g2:' + get()); yield 1; }"
      "async function main() { set('m'); for await (const v of g()) log.push('v:' + get()); }"
      "main(); set(undefined);"
      "setTimeoutLike(() => { result = log.join(','); });",
      "g:m,g2:m,v:m" },
    /* the promise holds its reaction's data, which holds the promise: a
       cycle the GC sees only if it marks the data (else JS_FreeRuntime
       asserts on the leak) */
    { "a cycle through a reaction's data is collected",
      "(function() { const p = new Promise(() => {}); const o = { p }; set(o);"
      "  p.then(() => {}); set(undefined); })();"
      "result = 'ok';",
      "ok" },
};

/* setTimeoutLike(f): calls f once every job queued so far has run */
static const char helper_source[] =
    "globalThis.setTimeoutLike = (f) => { let n = 20;"
    " const step = () => (--n > 0 ? Promise.resolve().then(step) : f());"
    " set(undefined); Promise.resolve().then(step); };";

int main(void)
{
    int failed = 0;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        JSRuntime *rt = JS_NewRuntime();
        JSContext *ctx = JS_NewContext(rt);
        JSValue global = JS_GetGlobalObject(ctx);
        JS_SetPropertyStr(ctx, global, "get",
                          JS_NewCFunction(ctx, get_data, "get", 0));
        JS_SetPropertyStr(ctx, global, "set",
                          JS_NewCFunction(ctx, set_data, "set", 1));
        JSValue helper = JS_Eval(ctx, helper_source, strlen(helper_source),
                                 "<helper>", JS_EVAL_TYPE_GLOBAL);
        JS_FreeValue(ctx, helper);
        JSValue r = JS_Eval(ctx, cases[i].source, strlen(cases[i].source),
                            "<case>", JS_EVAL_TYPE_GLOBAL);
        if (JS_IsException(r)) {
            JSValue e = JS_GetException(ctx);
            const char *msg = JS_ToCString(ctx, e);
            printf("FAIL %s: threw %s\n", cases[i].name, msg);
            JS_FreeCString(ctx, msg);
            JS_FreeValue(ctx, e);
            failed++;
        } else {
            JSContext *jctx;
            while (JS_ExecutePendingJob(rt, &jctx) > 0) {}
            JSValue res = JS_GetPropertyStr(ctx, global, "result");
            const char *got = JS_ToCString(ctx, res);
            if (got && strcmp(got, cases[i].expected) == 0) {
                printf("ok   %s\n", cases[i].name);
            } else {
                printf("FAIL %s: got %s, want %s\n", cases[i].name,
                       got ? got : "(null)", cases[i].expected);
                failed++;
            }
            JS_FreeCString(ctx, got);
            JS_FreeValue(ctx, res);
        }
        JS_FreeValue(ctx, r);
        JS_FreeValue(ctx, global);
        JS_SetContinuationData(ctx, JS_UNDEFINED);
        JS_FreeContext(ctx);
        JS_FreeRuntime(rt); /* asserts when anything leaked */
    }
    return failed ? 1 : 0;
}
