/* interp.c — a switch-dispatch bytecode interpreter loop: a small stack
 * machine whose program adds up the Collatz trajectories of 1..limit. */
#include <stdint.h>
#include <stdio.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, AND, SHR, LT, JNZ, JMP, HALT };

/* Variables: 0 = i, 1 = n, 2 = acc, 3 = limit. Returns the code's length. */
static int assemble(int32_t *code) {
    int pc = 0;
#define EMIT(x) (code[pc++] = (x))
    /* while i < limit */
    int loop_top = pc;
    EMIT(LOAD); EMIT(0); EMIT(LOAD); EMIT(3); EMIT(LT);
    EMIT(JNZ); int fix_body = pc; EMIT(0);
    EMIT(HALT);
    /* n = i */
    code[fix_body] = pc;
    EMIT(LOAD); EMIT(0); EMIT(STORE); EMIT(1);
    /* while n - 1 != 0 */
    int inner = pc;
    EMIT(LOAD); EMIT(1); EMIT(PUSH); EMIT(1); EMIT(SUB);
    EMIT(JNZ); int fix_step = pc; EMIT(0);
    EMIT(JMP); int fix_next = pc; EMIT(0);
    /* acc += n; n = n & 1 ? 3n + 1 : n >> 1 */
    code[fix_step] = pc;
    EMIT(LOAD); EMIT(2); EMIT(LOAD); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(2);
    EMIT(LOAD); EMIT(1); EMIT(PUSH); EMIT(1); EMIT(AND);
    EMIT(JNZ); int fix_odd = pc; EMIT(0);
    EMIT(LOAD); EMIT(1); EMIT(PUSH); EMIT(1); EMIT(SHR); EMIT(STORE); EMIT(1);
    EMIT(JMP); EMIT(inner);
    code[fix_odd] = pc;
    EMIT(LOAD); EMIT(1); EMIT(PUSH); EMIT(3); EMIT(MUL); EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(1);
    EMIT(JMP); EMIT(inner);
    /* i = i + 1 */
    code[fix_next] = pc;
    EMIT(LOAD); EMIT(0); EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(0);
    EMIT(JMP); EMIT(loop_top);
#undef EMIT
    return pc;
}

int main(void) {
    int32_t code[128];
    assemble(code);

    volatile int32_t limit = 32000;
    int64_t vars[4] = { 1, 0, 0, limit };
    int64_t stack[16];
    int sp = 0, pc = 0;
    long steps = 0;
    for (;;) {
        steps++;
        switch (code[pc++]) {
        case PUSH:  stack[sp++] = code[pc++]; break;
        case LOAD:  stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD:   sp--; stack[sp - 1] += stack[sp]; break;
        case SUB:   sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL:   sp--; stack[sp - 1] *= stack[sp]; break;
        case AND:   sp--; stack[sp - 1] &= stack[sp]; break;
        case SHR:   sp--; stack[sp - 1] >>= stack[sp]; break;
        case LT:    sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case JNZ:   if (stack[--sp]) pc = code[pc]; else pc++; break;
        case JMP:   pc = code[pc]; break;
        case HALT:  goto done;
        default:    printf("bad opcode at %d\n", pc - 1); return 1;
        }
    }
done:
    printf("interp: %ld instructions, acc %lld\n", steps, (long long)vars[2]);
    return 0;
}
