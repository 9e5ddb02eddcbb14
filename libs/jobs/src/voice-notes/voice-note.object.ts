import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('JobVoiceNote', { description: '岗位的语音介绍（用人单位或工作人员录制，最长 60 秒）；仅随岗位公开' })
export class JobVoiceNoteObject {
  @Field(() => String, { description: '播放地址（GET，相对本站）；换了新录音地址也会变' })
  url: string;

  @Field(() => Int, { description: '时长（秒）' })
  durationSeconds: number;

  @Field(() => String, { description: '录音格式，例如 audio/webm、audio/mp4' })
  mimeType: string;
}
