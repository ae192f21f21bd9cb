package dev.sxs.it.agent;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The code of a class's methods as text (each method's instructions, with the names they refer to, not constant
 * pool indexes), so the bytes a JVM gives back for a class compare with its class file: a JVM may keep constant
 * pool entries a retransformation left (Temurin 25 does), but the methods' instructions must be the original's.
 */
final class ClassCode
{
    private ClassCode()
    {
    }

    /**
     * @param bytes a class file.
     * @return one line per method (sorted): name, descriptor and instructions.
     */
    static String of(final byte[] bytes)
    {
        final StringBuilder out = new StringBuilder();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9)
        {
            @Override
            public MethodVisitor visitMethod(final int access, final String name, final String descriptor,
                final String signature, final String[] exceptions)
            {
                out.append('\n').append(name).append(descriptor).append(':');
                return new Instructions(out);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        // a JVM may give the methods back in another order
        return String.join("\n", new java.util.TreeSet<>(java.util.List.of(out.toString().split("\n"))));
    }

    /** Appends each instruction of a method. */
    private static final class Instructions extends MethodVisitor
    {
        private final StringBuilder out;

        Instructions(final StringBuilder out)
        {
            super(Opcodes.ASM9);
            this.out = out;
        }

        @Override
        public void visitInsn(final int opcode)
        {
            out.append(' ').append(opcode);
        }

        @Override
        public void visitIntInsn(final int opcode, final int operand)
        {
            out.append(' ').append(opcode).append('/').append(operand);
        }

        @Override
        public void visitVarInsn(final int opcode, final int index)
        {
            out.append(' ').append(opcode).append('/').append(index);
        }

        @Override
        public void visitTypeInsn(final int opcode, final String type)
        {
            out.append(' ').append(opcode).append('/').append(type);
        }

        @Override
        public void visitFieldInsn(final int opcode, final String owner, final String name, final String descriptor)
        {
            out.append(' ').append(opcode).append('/').append(owner).append('.').append(name);
        }

        @Override
        public void visitMethodInsn(final int opcode, final String owner, final String name, final String descriptor,
            final boolean isInterface)
        {
            out.append(' ').append(opcode).append('/').append(owner).append('.').append(name).append(descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(final String name, final String descriptor, final Handle bootstrap,
            final Object... arguments)
        {
            out.append(" indy/").append(name).append(descriptor);
        }

        @Override
        public void visitJumpInsn(final int opcode, final Label label)
        {
            out.append(' ').append(opcode);
        }

        @Override
        public void visitLdcInsn(final Object value)
        {
            out.append(" ldc/").append(value);
        }

        @Override
        public void visitIincInsn(final int index, final int increment)
        {
            out.append(" iinc/").append(index).append('/').append(increment);
        }
    }
}
